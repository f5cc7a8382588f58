package dev.cachegen.runtime;

import dev.cachegen.runtime.redis.RedisEndpoint;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import javax.net.ssl.SSLContext;

/**
 * The settings of a {@link CacheRuntime} and their checks, each failing fast with a message that
 * names the setting. Applications use them through {@link CacheRuntime.Builder}, which adds {@code
 * build()}; the two are split only to keep each file about one thing, as the JDK's {@code
 * StringBuilder} is over its package-private {@code AbstractStringBuilder}.
 */
abstract class RuntimeSettings extends ValueSettings {
  static final Clock SYSTEM_CLOCK = Clock.systemUTC();

  String redisUri;
  List<String> clusterUris;
  String sentinelMaster;
  List<String> sentinelUris;
  String keyPrefix = "cachegen";
  Clock clock = SYSTEM_CLOCK;
  Executor executor;
  Duration redisTimeout = Duration.ofMillis(250);
  int redisPoolSize = 16;
  int breakerFailures = 3;
  Duration breakerOpenFor = Duration.ofSeconds(1);
  long localMaximumSize = 10_000;
  long expiryResolutionNanos = TimeUnit.MILLISECONDS.toNanos(10);
  int maxValueBytes = 1 << 20;
  boolean recordStats = true;
  Object meterRegistry;
  long maximumTags = 100_000;
  Duration writeBehindClaimAfter = Duration.ofSeconds(30);
  int writeBehindCapacity = 10_000;
  Duration writeBehindDrainTimeout = Duration.ofSeconds(10);
  Duration stampedeLease = Duration.ofSeconds(10);
  Duration stampedeWait = Duration.ofSeconds(5);
  StampedeTimeoutPolicy stampedeTimeoutPolicy = StampedeTimeoutPolicy.LOAD;
  Duration loadTimeout = Duration.ZERO;
  boolean verifyOnStart;
  SSLContext redisSsl;
  CoherenceMode coherence = CoherenceMode.EVENTS;

  /** In (0, 1]: {@code 1 - [0, 1)}, so that its logarithm is finite and never positive. */
  DoubleSupplier randomSource = () -> 1.0 - ThreadLocalRandom.current().nextDouble();

  RuntimeSettings() {}

  @Override
  CacheRuntime.Builder self() {
    return (CacheRuntime.Builder) this;
  }

  /**
   * Adds Redis as the shared tier: {@code redis://[[user]:password@]host[:port][/database]}, or
   * {@code rediss://} for TLS. Nothing connects until the first cache miss, so a Redis that is down
   * at start delays nothing.
   *
   * @throws IllegalArgumentException if the URI is not such a URI; the message says why
   */
  public CacheRuntime.Builder redis(String uri) {
    RedisEndpoint.parse(uri);
    if (clusterUris != null || sentinelUris != null) {
      throw new IllegalStateException(
          "redis(uri): redisCluster(...) or redisSentinel(...) was already set; use one");
    }
    this.redisUri = uri;
    return self();
  }

  /**
   * Adds a Redis master found through Redis Sentinel as the shared tier: {@code masterName} as the
   * sentinels monitor it, reached through any of the given sentinels ({@code redis://host:26379}).
   * The master's user, password and database come from the first URI; after a failover the runtime
   * follows the new master (calls in between fail open).
   */
  public CacheRuntime.Builder redisSentinel(String masterName, String... sentinelUris) {
    Objects.requireNonNull(masterName, "masterName");
    if (masterName.isBlank()) {
      throw new IllegalArgumentException("redisSentinel(masterName, ...): name the master");
    }
    if (sentinelUris.length == 0) {
      throw new IllegalArgumentException("redisSentinel(" + masterName + "): name a sentinel");
    }
    for (String uri : sentinelUris) {
      RedisEndpoint.parse(uri);
    }
    if (redisUri != null || clusterUris != null) {
      throw new IllegalStateException(
          "redisSentinel(...): redis(uri) or redisCluster(...) was already set; use one");
    }
    this.sentinelMaster = masterName;
    this.sentinelUris = List.of(sentinelUris);
    return self();
  }

  /**
   * Adds a Redis Cluster as the shared tier, reached through any of the given nodes: {@code
   * redis://host:port} or {@code rediss://} URIs; user and password come from the first. Entries,
   * tag versions and the write-behind queue spread over all slots.
   */
  public CacheRuntime.Builder redisCluster(String... uris) {
    if (uris.length == 0) {
      throw new IllegalArgumentException("redisCluster(): name at least one node");
    }
    for (String uri : uris) {
      RedisEndpoint.parse(uri);
    }
    if (redisUri != null || sentinelUris != null) {
      throw new IllegalStateException(
          "redisCluster(...): redis(uri) or redisSentinel(...) was already set; use one");
    }
    this.clusterUris = List.of(uris);
    return self();
  }

  /**
   * The first part of every Redis key, so that several applications can share one Redis. Default
   * {@code cachegen}. Letters, digits, {@code '.'}, {@code '_'} and {@code '-'}.
   */
  public CacheRuntime.Builder keyPrefix(String keyPrefix) {
    Objects.requireNonNull(keyPrefix, "keyPrefix");
    if (!keyPrefix.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException(
          "keyPrefix(\""
              + keyPrefix
              + "\"): use letters, digits, '.', '_' and '-' only, for example \"shop\"");
    }
    this.keyPrefix = keyPrefix;
    return self();
  }

  /**
   * The clock for stored-at times and in-process expiry. Default the system clock; tests pass a
   * clock they can move.
   */
  public CacheRuntime.Builder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return self();
  }

  /**
   * Runs asynchronous loads' Redis reads and writes. Default: the runtime's own bounded pool of
   * daemon threads, shut down by {@link CacheRuntime#close()}. An executor given here is not shut
   * down by the runtime.
   */
  public CacheRuntime.Builder executor(Executor executor) {
    this.executor = Objects.requireNonNull(executor, "executor");
    return self();
  }

  /**
   * The longest a Redis connect, read or wait for a pooled connection may take. Default 250 ms. A
   * call against a server that stopped answering costs at most about twice this (Jedis replaces the
   * broken connection in the caller's thread) before the circuit breaker opens.
   */
  public CacheRuntime.Builder redisTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "redisTimeout");
    if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "redisTimeout(" + timeout + "): must be positive and at most 24 days");
    }
    this.redisTimeout = timeout;
    return self();
  }

  /** The most Redis connections this runtime opens. Default 16. */
  public CacheRuntime.Builder redisPoolSize(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("redisPoolSize(" + size + "): must be at least 1");
    }
    this.redisPoolSize = size;
    return self();
  }

  /**
   * After {@code failures} consecutive Redis failures, skip Redis for {@code openFor}, then let one
   * call probe it. Defaults 3 and one second.
   */
  public CacheRuntime.Builder circuitBreaker(int failures, Duration openFor) {
    Objects.requireNonNull(openFor, "openFor");
    if (failures < 1) {
      throw new IllegalArgumentException(
          "circuitBreaker(" + failures + ", ...): failures must be at least 1");
    }
    if (openFor.isNegative() || openFor.isZero()) {
      throw new IllegalArgumentException(
          "circuitBreaker(..., " + openFor + "): openFor must be positive");
    }
    this.breakerFailures = failures;
    this.breakerOpenFor = openFor;
    return self();
  }

  /**
   * Whether in-process hits and misses are counted for {@link CacheRuntime#stats()}. Default {@code
   * true}. Counting is the one thing an L1 hit does beyond the Caffeine lookup (a few nanoseconds);
   * turn it off for the leanest hits. Loads, Redis reads and errors are always counted, and a
   * {@link #meterRegistry} turns counting on.
   */
  public CacheRuntime.Builder recordStats(boolean recordStats) {
    this.recordStats = recordStats;
    return self();
  }

  /**
   * Publishes every cache's and write-behind queue's statistics to Micrometer, under the names of
   * Micrometer's own cache binders ({@code cache.gets{result=hit|miss}}, {@code cache.puts}, {@code
   * cache.evictions}, {@code cache.size}, {@code cache.load}, {@code cache.load.duration}) plus
   * cachegen's per-tier, stampede, fail-open and write-behind meters. Micrometer is an optional
   * dependency: without this call it need not be on the class path.
   */
  public CacheRuntime.Builder meterRegistry(io.micrometer.core.instrument.MeterRegistry registry) {
    this.meterRegistry = Objects.requireNonNull(registry, "meterRegistry");
    return self();
  }

  /**
   * The most entries each cache keeps in the in-process tier. Default 10,000. {@code 0} turns the
   * in-process tier off: every call reads Redis (and still benefits from single flight).
   */
  public CacheRuntime.Builder localMaximumSize(long size) {
    if (size < 0) {
      throw new IllegalArgumentException("localMaximumSize(" + size + "): must not be negative");
    }
    this.localMaximumSize = size;
    return self();
  }

  /**
   * How finely the in-process tier's expiry clock moves. Default 10 ms: a daemon thread, {@code
   * cachegen-ticker}, reads {@code System.nanoTime()} that often, so that an in-process hit reads a
   * field instead of the clock (about a third of the cost of a hit), and an entry may outlive its
   * {@code localTtl} by that much (plus however long the thread waits for a core). {@link
   * Duration#ZERO} reads the clock on every hit and starts no thread. Ignored with a {@link
   * #clock}, whose time the in-process tier then follows.
   */
  public CacheRuntime.Builder expiryResolution(Duration resolution) {
    Objects.requireNonNull(resolution, "expiryResolution");
    if (resolution.isNegative() || resolution.compareTo(Duration.ofSeconds(1)) > 0) {
      throw new IllegalArgumentException(
          "expiryResolution("
              + resolution
              + "): must be between 0 (read the clock on every hit) and 1 s");
    }
    this.expiryResolutionNanos = resolution.toNanos();
    return self();
  }

  /**
   * The most tag versions each runtime remembers. Default 100,000. An entry whose tag version was
   * forgotten reads as a miss once, then the version is read again from Redis.
   */
  public CacheRuntime.Builder maximumTags(long maximumTags) {
    if (maximumTags < 1) {
      throw new IllegalArgumentException("maximumTags(" + maximumTags + "): must be positive");
    }
    this.maximumTags = maximumTags;
    return self();
  }

  /**
   * How long a write-behind call may stay pending (delivered to a runtime, not yet acknowledged)
   * before another runtime takes it over, assuming the first one died. Longer than the slowest
   * delegate call plus its retries. Default 30 seconds.
   */
  public CacheRuntime.Builder writeBehindClaimAfter(Duration claimAfter) {
    Objects.requireNonNull(claimAfter, "writeBehindClaimAfter");
    if (claimAfter.isNegative() || claimAfter.isZero()) {
      throw new IllegalArgumentException(
          "writeBehindClaimAfter(" + claimAfter + "): must be positive");
    }
    this.writeBehindClaimAfter = claimAfter;
    return self();
  }

  /**
   * How many calls the in-memory write-behind queue holds before callers apply their writes
   * themselves. Default 10,000. Not used with Redis, whose queue is bounded by its memory.
   */
  public CacheRuntime.Builder writeBehindCapacity(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException(
          "writeBehindCapacity(" + capacity + "): must be at least 1");
    }
    this.writeBehindCapacity = capacity;
    return self();
  }

  /**
   * How long {@link CacheRuntime#close()} waits for queued writes, all queues together. Default 10
   * seconds.
   */
  public CacheRuntime.Builder writeBehindDrainTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "writeBehindDrainTimeout");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException(
          "writeBehindDrainTimeout(" + timeout + "): must not be negative");
    }
    this.writeBehindDrainTimeout = timeout;
    return self();
  }

  /**
   * How long a stampede lock (taken in Redis by the one JVM that loads a missing key, for caches
   * with {@code StampedePolicy.LOCK}) lasts at most. Longer than the slowest load: when it ends
   * before the load does, another JVM may load too. A crashed owner blocks the key's other callers
   * for at most this long. Default 10 seconds.
   */
  public CacheRuntime.Builder stampedeLease(Duration lease) {
    Objects.requireNonNull(lease, "stampedeLease");
    if (lease.toMillis() < 1) {
      throw new IllegalArgumentException(
          "stampedeLease(" + lease + "): must be at least one millisecond");
    }
    this.stampedeLease = lease;
    return self();
  }

  /**
   * How long a caller waits, in all, for another JVM's load of the same key before {@link
   * #stampedeTimeoutPolicy its timeout policy} applies. Waiters wake when the owner announces the
   * value, and also poll Redis with a short backoff. Default 5 seconds; {@code Duration.ZERO} never
   * waits.
   */
  public CacheRuntime.Builder stampedeWait(Duration wait) {
    Objects.requireNonNull(wait, "stampedeWait");
    if (wait.isNegative()) {
      throw new IllegalArgumentException("stampedeWait(" + wait + "): must not be negative");
    }
    this.stampedeWait = wait;
    return self();
  }

  /**
   * What a caller does when its {@link #stampedeWait} ran out: {@link StampedeTimeoutPolicy#LOAD}
   * (the default) calls the delegate anyway, {@link StampedeTimeoutPolicy#FAIL} throws {@link
   * StampedeTimeoutException}.
   */
  public CacheRuntime.Builder stampedeTimeoutPolicy(StampedeTimeoutPolicy policy) {
    this.stampedeTimeoutPolicy = Objects.requireNonNull(policy, "stampedeTimeoutPolicy");
    return self();
  }

  /**
   * The longest a caller waits for a value another caller of the same key is loading, and the
   * longest the future of a method that returns one waits for its load; then it fails with {@link
   * LoadTimeoutException} while the load goes on (its value is cached when the delegate returns).
   * Default {@code Duration.ZERO}: no limit. A synchronous caller that runs the load itself is not
   * bounded: its thread is the delegate's.
   */
  public CacheRuntime.Builder loadTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "loadTimeout");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException(
          "loadTimeout(" + timeout + "): must not be negative; Duration.ZERO means no limit");
    }
    this.loadTimeout = timeout;
    return self();
  }

  /**
   * Makes {@link CacheRuntime.Builder#build()} check Redis at once: connect, authenticate, and run
   * one command of each kind the caches need on a key and a channel of the prefix. A wrong
   * password, an ACL that forbids a needed command, an untrusted TLS certificate or an unreachable
   * server then fail {@code build()} with an {@code IllegalStateException} that says what to
   * change. Off by default: without it a Redis that is down at start delays nothing, and
   * configuration errors found later are logged at ERROR once and shown in {@link
   * RuntimeStats#sharedTierProblem}.
   */
  public CacheRuntime.Builder verifyOnStart() {
    this.verifyOnStart = true;
    return self();
  }

  /**
   * The TLS material for {@code rediss://} URIs: a context whose trust managers hold a private CA,
   * and whose key managers hold a client certificate when the server asks for one (mutual TLS).
   * Default: the JDK's trust store and no client certificate. Only {@code rediss://} URIs use it; a
   * {@code redis://} URI with this set fails {@code build()}.
   */
  public CacheRuntime.Builder redisSsl(SSLContext context) {
    this.redisSsl = Objects.requireNonNull(context, "redisSsl");
    return self();
  }

  /** A TLS context for a Redis that does not speak TLS is a mistake worth stopping for. */
  void checkTls() {
    if (redisSsl == null) {
      return;
    }
    List<String> uris = new ArrayList<>();
    if (redisUri != null) {
      uris.add(redisUri);
    }
    if (clusterUris != null) {
      uris.addAll(clusterUris);
    }
    if (sentinelUris != null) {
      uris.addAll(sentinelUris);
    }
    for (String uri : uris) {
      if (!uri.startsWith("rediss://")) {
        throw new IllegalStateException(
            "redisSsl(...) is set but "
                + RedisEndpoint.masked(uri)
                + " is not a rediss:// URI; write rediss:// for TLS");
      }
    }
  }

  /**
   * The largest encoded entry written to Redis, in bytes. Default 1 MiB. A larger value stays in
   * the in-process tier only (counted in {@link CacheStats#oversized()}, logged once per cache), so
   * that one huge value cannot stall the shared tier for everybody; a write-through of such a value
   * evicts the key from Redis instead, so that no runtime reads the value it replaced.
   */
  public CacheRuntime.Builder maxValueBytes(int bytes) {
    if (bytes < 1) {
      throw new IllegalArgumentException("maxValueBytes(" + bytes + "): must be positive");
    }
    this.maxValueBytes = bytes;
    return self();
  }

  /**
   * How the in-process tiers of runtimes sharing a Redis stay coherent. Default {@link
   * CoherenceMode#EVENTS}, cachegen's own events, which do not see changes made outside cachegen;
   * {@link CoherenceMode#TRACKING} and {@link CoherenceMode#EVENTS_AND_TRACKING} have Redis (6 or
   * newer, standalone or Sentinel) report every change of a key of the prefix, expiries and writes
   * by other services included. The README says which to choose when. A Redis Cluster with tracking
   * fails {@code build()}; a server that refuses {@code CLIENT TRACKING} fails {@link
   * #verifyOnStart()}; without that check it is logged at ERROR and the in-process tier is dropped
   * at every attempt to subscribe again (every 2 s at most).
   */
  public CacheRuntime.Builder coherence(CoherenceMode mode) {
    this.coherence = Objects.requireNonNull(mode, "coherence");
    return self();
  }

  /** Tracking hears one node's keys per connection: a cluster would lose the others' changes. */
  void checkCoherence() {
    if (coherence.tracks() && clusterUris != null) {
      throw new IllegalStateException(
          "coherence("
              + coherence
              + ") needs a standalone or Sentinel Redis: on redisCluster(...) one connection hears"
              + " of one node's keys only; use coherence(CoherenceMode.EVENTS)");
    }
  }

  /** Early refresh's random numbers, which must lie in (0, 1]; for tests. */
  CacheRuntime.Builder randomSource(DoubleSupplier random) {
    this.randomSource = Objects.requireNonNull(random, "randomSource");
    return self();
  }
}
