package dev.cachegen.runtime.redis;

import dev.cachegen.runtime.shared.KeySpace;
import dev.cachegen.runtime.writebehind.WriteBehindStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * A write-behind queue in Redis: a Stream ({@link KeySpace#writeBehindStream}) read by the consumer
 * group {@code cachegen}, a hash with the newest call id per coalescing key ({@link
 * KeySpace#writeBehindLatest}) and a Stream of dead letters ({@link KeySpace#writeBehindDead}). The
 * three share one hash tag, so on Redis Cluster they live in one slot and the scripts below can
 * touch them together.
 *
 * <p>An entry holds {@code call} (the codec's bytes in Base64), {@code key} (the coalescing key,
 * {@code ""} for none), {@code at} (epoch milliseconds) and {@code by} (the consumer name of the
 * runtime that queued it; absent in entries of version 0.1, which ignores it); a dead letter adds
 * {@code error}, {@code attempts} and {@code origin} (its id in the queue). These names are read by
 * runtimes of every version that share the prefix, so they do not change.
 *
 * <p>Every command goes through {@link RedisSharedTier#guarded}, like the caches' commands: it is
 * bounded by the tier's timeouts, refused while the circuit breaker is open, and counted by it.
 */
final class RedisWriteBehindStore implements WriteBehindStore {
  private static final String GROUP = "cachegen";

  private static final String ENQUEUE =
      "local id = redis.call('XADD', KEYS[1], '*', 'call', ARGV[1], 'key', ARGV[2], 'at', ARGV[3],"
          + " 'by', ARGV[5])\n"
          + "if ARGV[2] ~= '' and ARGV[4] == '1' then redis.call('HSET', KEYS[2], ARGV[2], id) end\n"
          + "return id";
  private static final String ACKNOWLEDGE =
      "redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])\n"
          + "redis.call('XDEL', KEYS[1], ARGV[2])\n"
          + "if ARGV[3] ~= '' and redis.call('HGET', KEYS[2], ARGV[3]) == ARGV[2] then\n"
          + "  redis.call('HDEL', KEYS[2], ARGV[3])\n"
          + "end\n"
          + "return 1";
  private static final String BURY =
      "redis.call('XADD', KEYS[3], '*', 'call', ARGV[4], 'key', ARGV[3], 'at', ARGV[5],"
          + " 'error', ARGV[6], 'attempts', ARGV[7], 'origin', ARGV[2])\n"
          + ACKNOWLEDGE;

  /** Moves up to ARGV[1] dead letters back to the queue; each move is one step, never doubled. */
  private static final String REPLAY =
      "local moved = 0\n"
          + "for _, entry in ipairs(redis.call('XRANGE', KEYS[2], '-', '+', 'COUNT', ARGV[1])) do\n"
          + "  local f = {}\n"
          + "  for i = 1, #entry[2], 2 do f[entry[2][i]] = entry[2][i + 1] end\n"
          + "  redis.call('XADD', KEYS[1], '*', 'call', f['call'] or '', 'key', f['key'] or '',"
          + " 'at', f['at'] or '0', 'by', ARGV[2])\n"
          + "  redis.call('XDEL', KEYS[2], entry[1])\n"
          + "  moved = moved + 1\n"
          + "end\n"
          + "return moved";

  private static final int REPLAY_PAGE = 100;

  /** What a command answers when the stream or its group is gone: an answer, not a failure. */
  private static final Object GROUP_MISSING = new Object();

  private final RedisSharedTier tier;
  private final String stream;
  private final String latest;
  private final String dead;

  RedisWriteBehindStore(RedisSharedTier tier, KeySpace keys, String queue) {
    this.tier = tier;
    this.stream = keys.writeBehindStream(queue);
    this.latest = keys.writeBehindLatest(queue);
    this.dead = keys.writeBehindDead(queue);
  }

  @Override
  public String append(
      byte[] call, String coalesceKey, boolean coalesce, String queuedBy, long atMillis) {
    List<String> arguments =
        List.of(
            Base64.getEncoder().encodeToString(call),
            coalesceKey == null ? "" : coalesceKey,
            Long.toString(atMillis),
            coalesce ? "1" : "0",
            queuedBy);
    Object id = tier.guarded(redis -> redis.eval(ENQUEUE, List.of(stream, latest), arguments));
    return String.valueOf(id);
  }

  @Override
  public void ensureGroup() {
    tier.guarded(
        redis -> {
          try {
            // From the start of the stream: calls appended before the group existed are read too.
            return redis.xgroupCreate(stream, GROUP, new StreamEntryID(), true);
          } catch (JedisDataException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("BUSYGROUP")) {
              return "exists"; // an answer, not a failure of Redis
            }
            throw e;
          }
        });
  }

  @Override
  public List<StoredCall> read(String consumer, int count, Duration block) {
    // BLOCK 0 would wait for ever: a zero block is no BLOCK argument at all.
    XReadGroupParams params = XReadGroupParams.xReadGroupParams().count(count);
    if (!block.isZero()) {
      params.block((int) block.toMillis());
    }
    List<Map.Entry<String, List<StreamEntry>>> batch =
        withGroup(
            redis ->
                redis.xreadGroup(
                    GROUP,
                    consumer,
                    params,
                    Map.of(stream, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY)));
    List<StoredCall> calls = new ArrayList<>();
    if (batch != null) { // Jedis answers null, not an empty list, when nothing arrived
      batch.forEach(entries -> entries.getValue().forEach(entry -> calls.add(stored(entry))));
    }
    return calls;
  }

  @Override
  public Claimed claim(String consumer, Duration minIdle, String cursor, int count) {
    Map.Entry<StreamEntryID, List<StreamEntry>> page =
        withGroup(
            redis ->
                redis.xautoclaim(
                    stream,
                    GROUP,
                    consumer,
                    minIdle.toMillis(),
                    new StreamEntryID(cursor),
                    XAutoClaimParams.xAutoClaimParams().count(count)));
    List<StoredCall> calls = new ArrayList<>();
    for (StreamEntry entry : page.getValue()) {
      if (entry != null && entry.getFields() != null) { // deleted while pending
        calls.add(stored(entry));
      }
    }
    return new Claimed(calls, page.getKey().toString());
  }

  @Override
  public String latest(String coalesceKey) {
    return tier.guarded(redis -> redis.hget(latest, coalesceKey));
  }

  @Override
  public void acknowledge(StoredCall call) {
    List<String> arguments = List.of(GROUP, call.id(), keyOf(call));
    tier.guarded(redis -> redis.eval(ACKNOWLEDGE, List.of(stream, latest), arguments));
  }

  @Override
  public void bury(StoredCall call, String error, int attempts) {
    List<String> arguments =
        List.of(
            GROUP,
            call.id(),
            keyOf(call),
            Base64.getEncoder().encodeToString(call.call()),
            Long.toString(call.enqueuedAtMillis()),
            error,
            Integer.toString(attempts));
    tier.guarded(redis -> redis.eval(BURY, List.of(stream, latest, dead), arguments));
  }

  @Override
  public List<DeadCall> deadLetters() {
    List<StreamEntry> entries = tier.guarded(redis -> redis.xrange(dead, "-", "+"));
    List<DeadCall> letters = new ArrayList<>(entries.size());
    for (StreamEntry entry : entries) {
      Map<String, String> fields = entry.getFields();
      letters.add(
          new DeadCall(
              entry.getID().toString(),
              decode(fields.getOrDefault("call", "")),
              fields.getOrDefault("error", ""),
              (int) number(fields.get("attempts")),
              number(fields.get("at"))));
    }
    return letters;
  }

  @Override
  public int replayDeadLetters(String queuedBy) {
    List<String> arguments = List.of(Integer.toString(REPLAY_PAGE), queuedBy);
    int replayed = 0;
    long moved;
    do {
      moved = (Long) tier.guarded(redis -> redis.eval(REPLAY, List.of(stream, dead), arguments));
      replayed += (int) moved;
    } while (moved == REPLAY_PAGE);
    return replayed;
  }

  @Override
  public long depth() {
    return tier.guarded(redis -> redis.xlen(stream));
  }

  @Override
  public OptionalLong oldestAtMillis() {
    List<StreamEntry> oldest = tier.guarded(redis -> redis.xrange(stream, "-", "+", 1));
    return oldest.isEmpty()
        ? OptionalLong.empty()
        : OptionalLong.of(oldest.get(0).getID().getTime());
  }

  @Override
  public Persistence persistence() {
    return tier.guarded(redis -> RedisPersistence.read(redis, "Redis at " + tier.describe()));
  }

  @Override
  public String describe() {
    return stream + " at " + tier.describe();
  }

  /**
   * Runs a command that needs the consumer group. Redis answers {@code NOGROUP} when the stream or
   * the group is missing; that is caught inside the guard, so that it does not count as a failure
   * of Redis (the circuit breaker stays closed), and thrown as {@link QueueMissingException}.
   */
  private <T> T withGroup(Function<UnifiedJedis, T> command) {
    Object answer =
        tier.guarded(
            redis -> {
              try {
                return command.apply(redis);
              } catch (JedisDataException e) {
                if (e.getMessage() != null && e.getMessage().startsWith("NOGROUP")) {
                  return GROUP_MISSING;
                }
                throw e;
              }
            });
    if (answer == GROUP_MISSING) {
      throw new QueueMissingException(
          "the stream " + stream + " or its consumer group is gone from " + tier.describe());
    }
    @SuppressWarnings("unchecked") // command's own answer
    T result = (T) answer;
    return result;
  }

  private static StoredCall stored(StreamEntry entry) {
    Map<String, String> fields = entry.getFields();
    String key = fields.getOrDefault("key", "");
    return new StoredCall(
        entry.getID().toString(),
        decode(fields.getOrDefault("call", "")),
        key.isEmpty() ? null : key,
        number(fields.get("at")),
        fields.get("by"));
  }

  /** A number field; {@code 0} when it is missing or garbled, which must not stop the queue. */
  private static long number(String field) {
    try {
      return field == null ? 0 : Long.parseLong(field);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String keyOf(StoredCall call) {
    return call.coalesceKey() == null ? "" : call.coalesceKey();
  }

  /** The codec's bytes; an entry that is not Base64 is kept as it is, to fail in the codec. */
  private static byte[] decode(String field) {
    try {
      return Base64.getDecoder().decode(field);
    } catch (IllegalArgumentException e) {
      return field.getBytes(StandardCharsets.UTF_8);
    }
  }
}
