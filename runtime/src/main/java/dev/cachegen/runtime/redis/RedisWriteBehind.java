package dev.cachegen.runtime.redis;

import dev.cachegen.runtime.Codec;
import dev.cachegen.runtime.DeadLetter;
import dev.cachegen.runtime.internal.WriteBehindDefinition;
import dev.cachegen.runtime.internal.WriteHandler;
import dev.cachegen.runtime.shared.KeySpace;
import dev.cachegen.runtime.shared.SharedTierException;
import dev.cachegen.runtime.writebehind.WriteBehindBackend;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * A durable write-behind queue: a Redis Stream ({@code <prefix>:wb:{<queue>}}) read by the consumer
 * group {@code cachegen}. Each runtime is one consumer. A call is acknowledged and deleted only
 * after the delegate applied it (or it became a dead letter), so a crash leaves it pending; any
 * runtime claims calls that have been pending longer than {@code claimAfter} ({@code XAUTOCLAIM})
 * and applies them. The stream, the coalescing index and the dead letters share one hash tag, so on
 * Redis Cluster they live in one slot and the scripts below can touch them together.
 */
public final class RedisWriteBehind<C> extends WriteBehindBackend<C> {
  private static final Logger log = LoggerFactory.getLogger(RedisWriteBehind.class);
  private static final String GROUP = "cachegen";

  private static final String ENQUEUE =
      "local id = redis.call('XADD', KEYS[1], '*', 'call', ARGV[1], 'key', ARGV[2], 'at', ARGV[3])\n"
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

  private final RedisSharedTier tier;
  private final UnifiedJedis redis;
  private final String stream;
  private final String latest;
  private final String dead;
  private final String consumer;
  private final Duration claimAfter;
  private final Clock clock;
  private final Thread worker;
  private volatile boolean closing;
  private volatile boolean drained;

  public RedisWriteBehind(
      WriteBehindDefinition<C> definition,
      WriteHandler<C> handler,
      Codec.TypedCodec<C> codec,
      RedisSharedTier tier,
      KeySpace keys,
      String consumer,
      Duration claimAfter,
      Clock clock) {
    super(definition, handler, codec);
    this.tier = tier;
    this.redis = tier.client();
    this.stream = keys.writeBehindStream(definition.name());
    this.latest = keys.writeBehindLatest(definition.name());
    this.dead = keys.writeBehindDead(definition.name());
    this.consumer = consumer;
    this.claimAfter = claimAfter;
    this.clock = clock;
    this.worker = new Thread(this::work, "cachegen-write-behind-" + definition.name());
    this.worker.setDaemon(true);
    this.worker.start();
  }

  @Override
  public void enqueue(String coalesceKey, C call) {
    String payload;
    try {
      payload = Base64.getEncoder().encodeToString(codec.encode(call));
    } catch (Exception e) {
      // A call the codec cannot write cannot be queued durably: apply it now rather than lose it.
      log.warn(
          "write-behind {}: cannot encode a call, applying it now: {}",
          definition.name(),
          e.toString());
      applyNow(call);
      return;
    }
    if (closing) {
      applyNow(call);
      return;
    }
    try {
      tier.guarded(
          () ->
              redis.eval(
                  ENQUEUE,
                  List.of(stream, latest),
                  List.of(
                      payload,
                      coalesceKey == null ? "" : coalesceKey,
                      Long.toString(clock.millis()),
                      definition.coalesce() ? "1" : "0")));
      enqueued.increment();
    } catch (SharedTierException e) {
      // Redis did not take it: the only way not to lose the write is to apply it now.
      applyNow(call);
    }
  }

  private void work() {
    long backoffMillis = 50;
    long nextClaim = 0;
    boolean groupReady = false;
    while (true) {
      try {
        if (!groupReady) {
          createGroup();
          groupReady = true;
        }
        if (System.nanoTime() - nextClaim >= 0) {
          claimStale();
          nextClaim = System.nanoTime() + Math.max(50, claimAfter.toNanos() / 2);
        }
        List<Map.Entry<String, List<StreamEntry>>> batch =
            redis.xreadGroup(
                GROUP,
                consumer,
                XReadGroupParams.xReadGroupParams().count(16).block(100),
                Map.of(stream, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
        boolean empty = true;
        if (batch != null) {
          for (Map.Entry<String, List<StreamEntry>> entries : batch) {
            for (StreamEntry entry : entries.getValue()) {
              empty = false;
              process(entry);
            }
          }
        }
        backoffMillis = 50;
        if (closing && empty) {
          drained = true;
          return;
        }
      } catch (RuntimeException e) {
        if (closing) {
          return;
        }
        log.debug(
            "write-behind {}: Redis failed; retrying in {} ms",
            definition.name(),
            backoffMillis,
            e);
        try {
          TimeUnit.MILLISECONDS.sleep(backoffMillis);
        } catch (InterruptedException interrupted) {
          return;
        }
        backoffMillis = Math.min(2_000, backoffMillis * 2);
      }
      if (Thread.currentThread().isInterrupted()) {
        return;
      }
    }
  }

  private void createGroup() {
    try {
      redis.xgroupCreate(stream, GROUP, new StreamEntryID(), true);
    } catch (JedisDataException e) {
      if (e.getMessage() == null || !e.getMessage().startsWith("BUSYGROUP")) {
        throw e;
      }
    }
  }

  /**
   * Takes over calls another consumer (a crashed JVM, an earlier life of this one) left pending.
   */
  private void claimStale() {
    StreamEntryID cursor = new StreamEntryID();
    do {
      Map.Entry<StreamEntryID, List<StreamEntry>> claimed =
          redis.xautoclaim(
              stream,
              GROUP,
              consumer,
              claimAfter.toMillis(),
              cursor,
              XAutoClaimParams.xAutoClaimParams().count(16));
      for (StreamEntry entry : claimed.getValue()) {
        if (entry != null && entry.getFields() != null) {
          log.info(
              "write-behind {}: applying call {} left pending by another consumer",
              definition.name(),
              entry.getID());
          process(entry);
        }
      }
      cursor = claimed.getKey();
    } while (!cursor.equals(new StreamEntryID()) && !closing);
  }

  private void process(StreamEntry entry) {
    String id = entry.getID().toString();
    Map<String, String> fields = entry.getFields();
    String coalesceKey = fields.getOrDefault("key", "");
    if (definition.coalesce() && !coalesceKey.isEmpty()) {
      String latestId = redis.hget(latest, coalesceKey);
      if (latestId != null && !latestId.equals(id)) {
        coalesced.increment();
        acknowledge(id, "");
        return;
      }
    }
    C call;
    try {
      call = codec.decode(Base64.getDecoder().decode(fields.getOrDefault("call", "")));
    } catch (Exception e) {
      deadLettered.increment();
      bury(entry, coalesceKey, e, 0);
      return;
    }
    Exception failure = applyWithRetries(call, "call " + id);
    if (failure == null) {
      acknowledge(id, coalesceKey);
    } else {
      bury(entry, coalesceKey, failure, definition.maxAttempts());
    }
  }

  private void acknowledge(String id, String coalesceKey) {
    redis.eval(ACKNOWLEDGE, List.of(stream, latest), List.of(GROUP, id, coalesceKey));
  }

  private void bury(StreamEntry entry, String coalesceKey, Exception failure, int attempts) {
    Map<String, String> fields = entry.getFields();
    redis.eval(
        BURY,
        List.of(stream, latest, dead),
        List.of(
            GROUP,
            entry.getID().toString(),
            coalesceKey,
            fields.getOrDefault("call", ""),
            fields.getOrDefault("at", "0"),
            failure.toString(),
            Integer.toString(attempts)));
  }

  @Override
  public boolean durable() {
    return true;
  }

  @Override
  public long depth() {
    try {
      return redis.xlen(stream);
    } catch (RuntimeException e) {
      log.debug("write-behind {}: cannot read the depth", definition.name(), e);
      return -1;
    }
  }

  @Override
  public long lagMillis() {
    try {
      List<StreamEntry> oldest = redis.xrange(stream, "-", "+", 1);
      return oldest.isEmpty() ? 0 : Math.max(0, clock.millis() - oldest.get(0).getID().getTime());
    } catch (RuntimeException e) {
      log.debug("write-behind {}: cannot read the lag", definition.name(), e);
      return -1;
    }
  }

  @Override
  public List<DeadLetter> deadLetters() {
    List<DeadLetter> letters = new ArrayList<>();
    for (StreamEntry entry : redis.xrange(dead, "-", "+")) {
      Map<String, String> fields = entry.getFields();
      letters.add(
          new DeadLetter(
              entry.getID().toString(),
              definition.name(),
              new String(
                  Base64.getDecoder().decode(fields.getOrDefault("call", "")),
                  StandardCharsets.UTF_8),
              fields.getOrDefault("error", ""),
              Integer.parseInt(fields.getOrDefault("attempts", "0")),
              Long.parseLong(fields.getOrDefault("at", "0"))));
    }
    return letters;
  }

  @Override
  public int replayDeadLetters() {
    int replayed = 0;
    for (StreamEntry entry : redis.xrange(dead, "-", "+")) {
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("call", entry.getFields().getOrDefault("call", ""));
      fields.put("key", entry.getFields().getOrDefault("key", ""));
      fields.put("at", entry.getFields().getOrDefault("at", "0"));
      redis.xadd(stream, StreamEntryID.NEW_ENTRY, fields);
      redis.xdel(dead, entry.getID());
      replayed++;
    }
    return replayed;
  }

  @Override
  public void drain(Duration timeout) {
    closing = true;
    stop(worker, timeout);
    if (!drained) {
      log.info(
          "write-behind {}: stopped before the queue was empty; the rest stays in Redis and is"
              + " applied by the next runtime with this prefix",
          definition.name());
    }
  }
}
