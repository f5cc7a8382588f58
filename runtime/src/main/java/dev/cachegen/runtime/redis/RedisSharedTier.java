package dev.cachegen.runtime.redis;

import dev.cachegen.runtime.shared.CircuitBreaker;
import dev.cachegen.runtime.shared.KeySpace;
import dev.cachegen.runtime.shared.LockKeys;
import dev.cachegen.runtime.shared.SharedTier;
import dev.cachegen.runtime.shared.SharedTierException;
import dev.cachegen.runtime.writebehind.WriteBehindStore;
import dev.cachegen.runtime.writebehind.WriteBehindStores;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.GetExParams;
import redis.clients.jedis.params.SetParams;

/**
 * The shared tier over Redis, standalone ({@link RedisClient}) or a cluster ({@link
 * RedisClusterClient}), both pooled. Every call is bounded by the connect and read timeouts and by
 * the pool's wait; failures open a {@link CircuitBreaker} so that an outage costs a refused call,
 * not a timeout, until a probe succeeds.
 *
 * <p>It also keeps durable write-behind queues ({@link RedisWriteBehindStore}), whose commands go
 * through the same guard.
 */
public final class RedisSharedTier implements SharedTier, WriteBehindStores {
  private static final Logger log = LoggerFactory.getLogger(RedisSharedTier.class);

  /** GET, or create with the epoch; then raise the time to live to at least ARGV[2]. */
  private static final String READ_COUNTER =
      "local v = redis.call('get', KEYS[1])\n"
          + "if not v then redis.call('set', KEYS[1], ARGV[1], 'px', ARGV[2]) return ARGV[1] end\n"
          + "if redis.call('pttl', KEYS[1]) < tonumber(ARGV[2]) then"
          + " redis.call('pexpire', KEYS[1], ARGV[2]) end\n"
          + "return v";

  /** INCR, creating the counter with the epoch first; then raise the time to live. */
  private static final String INCREMENT_COUNTER =
      "if redis.call('exists', KEYS[1]) == 0 then"
          + " redis.call('set', KEYS[1], ARGV[1], 'px', ARGV[2]) end\n"
          + "local v = redis.call('incr', KEYS[1])\n"
          + "if redis.call('pttl', KEYS[1]) < tonumber(ARGV[2]) then"
          + " redis.call('pexpire', KEYS[1], ARGV[2]) end\n"
          + "return v";

  private final UnifiedJedis redis;
  private final boolean cluster;
  private final Supplier<redis.clients.jedis.Connection> subscriptionConnection;
  private final Predicate<redis.clients.jedis.Connection> misplacedSubscription;
  private final MasterWatch master;

  /** The configuration error Redis last answered with, until a call succeeds; else null. */
  private volatile String configurationProblem;

  /** Whether the last write was refused for lack of memory; ends with the next write that works. */
  private volatile boolean refusingWrites;

  private final CircuitBreaker breaker;
  private final String description;

  /**
   * Single-key reads that share round trips under load; {@code null} on a cluster, where keys of
   * one flush would live on many nodes.
   */
  private final CoalescedReads reads;

  private RedisSharedTier(RedisClients.Client connection, RedisSettings settings) {
    this.redis = connection.client();
    this.cluster = connection.cluster();
    this.description = connection.description();
    this.subscriptionConnection = connection.subscriptionConnection();
    this.misplacedSubscription = connection.misplaced();
    this.master = new MasterWatch(connection.master());
    String description = this.description;
    this.breaker =
        new CircuitBreaker(
            settings.failureThreshold,
            settings.openFor.toNanos(),
            System::nanoTime,
            new CircuitBreaker.Listener() {
              @Override
              public void opened(Throwable cause) {
                log.warn(
                    "Redis at {} is failing ({}); serving from the local tier and the delegate,"
                        + " probing again every {} ms",
                    description,
                    cause.toString(),
                    settings.openFor.toMillis());
              }

              @Override
              public void closed() {
                log.info("Redis at {} answers again; the shared tier is back in use", description);
              }
            });
    // Half the pool talks for reads at most, so writes and scripts find a connection too; a read
    // waits for a flush at most as long as a command may take (pool wait, read, reconnect).
    this.reads =
        cluster
            ? null
            : new CoalescedReads(
                redis,
                this::call,
                Math.max(1, settings.poolSize / 2),
                3 * settings.timeout.toNanos());
  }

  /** A standalone server. */
  public static RedisSharedTier standalone(RedisEndpoint endpoint, RedisSettings settings) {
    return new RedisSharedTier(RedisClients.standalone(endpoint, settings), settings);
  }

  /** A Redis Cluster reached through any of {@code seeds}; credentials come from the first. */
  public static RedisSharedTier cluster(List<RedisEndpoint> seeds, RedisSettings settings) {
    return new RedisSharedTier(RedisClients.cluster(seeds, settings), settings);
  }

  /**
   * A master found through Redis Sentinel: {@code masterName} as the sentinels monitor it, reached
   * through any of {@code sentinels}.
   */
  public static RedisSharedTier sentinel(
      String masterName, List<RedisEndpoint> sentinels, RedisSettings settings) {
    return new RedisSharedTier(RedisClients.sentinel(masterName, sentinels, settings), settings);
  }

  @Override
  public boolean isPresent() {
    return true;
  }

  @Override
  public boolean isAvailable() {
    return breaker.state() != CircuitBreaker.State.OPEN;
  }

  @Override
  public byte[] get(String key) {
    return reads != null ? reads.get(bytes(key)) : call(() -> redis.get(bytes(key)));
  }

  @Override
  public List<byte[]> getAll(List<String> keys) {
    if (keys.isEmpty()) {
      return new ArrayList<>();
    }
    if (!cluster) {
      byte[][] raw = new byte[keys.size()][];
      for (int i = 0; i < raw.length; i++) {
        raw[i] = bytes(keys.get(i));
      }
      return call(() -> redis.mget(raw));
    }
    // On a cluster the keys live in many slots: one pipelined GET each, grouped by node.
    return call(
        () -> {
          try (AbstractPipeline pipeline = redis.pipelined()) {
            List<Response<byte[]>> responses = new ArrayList<>(keys.size());
            for (String key : keys) {
              responses.add(pipeline.get(bytes(key)));
            }
            pipeline.sync();
            List<byte[]> values = new ArrayList<>(keys.size());
            for (Response<byte[]> response : responses) {
              values.add(response.get());
            }
            return values;
          }
        });
  }

  @Override
  public byte[] getAndExpire(String key, long ttlMillis) {
    return call(() -> redis.getEx(bytes(key), GetExParams.getExParams().px(ttlMillis)));
  }

  @Override
  public void set(String key, byte[] value, long ttlMillis) {
    write(() -> redis.set(bytes(key), value, SetParams.setParams().px(ttlMillis)));
  }

  @Override
  public void setIfAbsent(String key, byte[] value, long ttlMillis) {
    write(() -> redis.set(bytes(key), value, SetParams.setParams().px(ttlMillis).nx()));
  }

  @Override
  public void setAll(List<String> keys, List<byte[]> values, long[] ttlMillis, boolean[] ifAbsent) {
    if (keys.isEmpty()) {
      return;
    }
    call(
        () -> {
          try (AbstractPipeline pipeline = redis.pipelined()) {
            for (int i = 0; i < keys.size(); i++) {
              SetParams params = SetParams.setParams().px(ttlMillis[i]);
              pipeline.set(bytes(keys.get(i)), values.get(i), ifAbsent[i] ? params.nx() : params);
            }
            pipeline.sync();
          }
          return null;
        });
  }

  @Override
  public long timeToLiveMillis(String key) {
    return call(() -> redis.pttl(bytes(key)));
  }

  @Override
  public void delete(String key) {
    call(() -> redis.del(bytes(key)));
  }

  @Override
  public LockedRead lockAndRead(
      LockKeys keys, String token, long leaseMillis, boolean waiting, boolean whenPresent) {
    return write(
        () -> RedisLocks.lockAndRead(redis, keys, token, leaseMillis, waiting, whenPresent));
  }

  @Override
  public boolean storeAndUnlock(
      LockKeys keys,
      String token,
      byte[] value,
      long ttlMillis,
      boolean ifAbsent,
      String channel,
      String wakeUp) {
    return write(
        () ->
            RedisLocks.storeAndUnlock(
                redis, keys, token, value, ttlMillis, ifAbsent, channel, wakeUp));
  }

  @Override
  public long readCounter(String key, long epoch, long ttlMillis) {
    return counter(READ_COUNTER, key, epoch, ttlMillis);
  }

  @Override
  public long incrementCounter(String key, long epoch, long ttlMillis) {
    return counter(INCREMENT_COUNTER, key, epoch, ttlMillis);
  }

  /** Runs a counter script on {@code key} and reads the number it answers. */
  private long counter(String script, String key, long epoch, long ttlMillis) {
    Object value =
        call(
            () ->
                redis.eval(
                    script,
                    List.of(key),
                    List.of(Long.toString(epoch), Long.toString(Math.max(1, ttlMillis)))));
    return counter(key, value);
  }

  private static long counter(String key, Object value) {
    String text =
        value instanceof byte[]
            ? new String((byte[]) value, StandardCharsets.US_ASCII)
            : String.valueOf(value);
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new SharedTierException(
          "the counter " + key + " holds \"" + text + "\", not a number", e);
    }
  }

  @Override
  public long increment(String key) {
    return call(() -> redis.incr(bytes(key)));
  }

  @Override
  public void publish(String channel, String message) {
    call(() -> redis.publish(channel, message));
  }

  @Override
  public AutoCloseable subscribe(String channel, String trackedPrefix, Subscriber subscriber) {
    master.tell(subscriber);
    return RedisSubscription.start(
        subscriptionConnection, misplacedSubscription, channel, trackedPrefix, subscriber);
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public void close() {
    redis.close();
  }

  @Override
  public Optional<WriteBehindStore> writeBehindStore(KeySpace keys, String queue) {
    return Optional.of(new RedisWriteBehindStore(this, keys, queue));
  }

  /**
   * Runs {@code command} on the client behind the circuit breaker, like every cache command: for
   * code in this package that needs commands the {@link SharedTier} interface does not offer.
   */
  <T> T guarded(Function<UnifiedJedis, T> command) {
    return call(() -> command.apply(redis));
  }

  private <T> T call(Supplier<T> command) {
    master.check(); // G5: the caches move their generations before a new master is read
    if (!breaker.tryAcquire()) {
      throw SharedTierException.CIRCUIT_OPEN;
    }
    T result;
    try {
      result = command.get();
    } catch (JedisDataException e) {
      SharedTierException.Reason reason = reasonOf(e);
      if (reason == null) {
        breaker.onFailure(e);
        misconfigured(e);
        throw new SharedTierException("Redis at " + description + " failed: " + e, e);
      }
      // The server answered, and answered well: a key of another type, or no memory to write.
      breaker.onSuccess();
      if (reason == SharedTierException.Reason.OUT_OF_MEMORY) {
        refusingWrites(e);
      }
      throw new SharedTierException(reason, "Redis at " + description + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      if (poolExhausted(e)) {
        // Back-pressure: Redis may be perfectly well; the breaker hears nothing of it.
        breaker.release();
        throw new SharedTierException(
            SharedTierException.Reason.BUSY,
            "every connection to Redis at " + description + " was busy: " + e.getMessage(),
            e);
      }
      // JedisException for network and server errors; anything else means the bytes on the wire
      // were not Redis, which is a failure of the tier all the same.
      breaker.onFailure(e);
      misconfigured(e);
      throw new SharedTierException("Redis at " + description + " failed: " + e, e);
    }
    breaker.onSuccess();
    if (configurationProblem != null) {
      configurationProblem = null;
      log.warn("Redis at {} accepts cachegen's connections and commands again", description);
    }
    return result;
  }

  /** Whether {@code e} says no pooled connection came free within the pool's wait. */
  private static boolean poolExhausted(RuntimeException e) {
    return e.getCause() instanceof java.util.NoSuchElementException
        && e.getMessage() != null
        && e.getMessage().startsWith("Could not get a resource from the pool");
  }

  /** Reports a configuration error loudly, once per episode; network faults stay quiet here. */
  private void misconfigured(RuntimeException e) {
    String problem = RedisChecks.configurationProblem(e, description);
    if (problem != null && configurationProblem == null) {
      configurationProblem = problem;
      log.error("{}; until then every call is answered without Redis", problem);
    }
  }

  @Override
  public String configurationProblem() {
    return configurationProblem;
  }

  /**
   * Checks the connection, credentials and permissions now; see {@link RedisChecks#verify}. With
   * {@code tracking}, also that the server takes {@code CLIENT TRACKING} for the key prefix.
   */
  public void verify(KeySpace keys, boolean tracking) {
    RedisChecks.verify(redis, keys, description);
    if (tracking) {
      Tracking.verify(subscriptionConnection, keys.trackedPrefix(), description);
    }
  }

  /** Runs a command that writes; its success ends a "refuses writes" state. */
  private <T> T write(Supplier<T> command) {
    T result = call(command);
    if (refusingWrites) {
      refusingWrites = false;
      log.warn("Redis at {} accepts writes again", description);
    }
    return result;
  }

  private void refusingWrites(JedisDataException e) {
    if (!refusingWrites) {
      refusingWrites = true;
      // Loud, once per episode: reads still work, so nothing else would tell an operator.
      log.error(
          "Redis at {} refuses writes ({}): entries are not stored there and the stampede lock"
              + " cannot be taken, so every JVM loads on its own until it accepts writes again;"
              + " raise maxmemory or choose an evicting maxmemory-policy (allkeys-lru)",
          description,
          e.getMessage());
    }
  }

  private static SharedTierException.Reason reasonOf(JedisDataException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (message.startsWith("WRONGTYPE")) {
      return SharedTierException.Reason.WRONG_TYPE;
    }
    if (message.startsWith("OOM")) {
      return SharedTierException.Reason.OUT_OF_MEMORY;
    }
    return null;
  }

  @Override
  public boolean refusesWrites() {
    return refusingWrites;
  }

  private static byte[] bytes(String key) {
    return key.getBytes(StandardCharsets.UTF_8);
  }

  /** Connection settings taken from {@link CacheRuntime.Builder}. */
  public static final class RedisSettings {
    final Duration timeout;
    final int poolSize;
    final int failureThreshold;
    final Duration openFor;

    /** The TLS material for {@code rediss://}, or {@code null} for the JDK's defaults. */
    final SSLContext sslContext;

    public RedisSettings(
        Duration timeout,
        int poolSize,
        int failureThreshold,
        Duration openFor,
        SSLContext sslContext) {
      this.timeout = timeout;
      this.poolSize = poolSize;
      this.failureThreshold = failureThreshold;
      this.openFor = openFor;
      this.sslContext = sslContext;
    }
  }
}
