package dev.cachegen.runtime;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.cachegen.runtime.internal.Batcher;
import dev.cachegen.runtime.internal.BulkLoader;
import dev.cachegen.runtime.internal.Cache;
import dev.cachegen.runtime.internal.CacheDefinition;
import dev.cachegen.runtime.internal.WriteBehindDefinition;
import dev.cachegen.runtime.internal.WriteBehindQueue;
import dev.cachegen.runtime.internal.WriteHandler;
import dev.cachegen.runtime.metrics.MicrometerBinding;
import dev.cachegen.runtime.metrics.RuntimeObserver;
import dev.cachegen.runtime.redis.RedisEndpoint;
import dev.cachegen.runtime.redis.RedisSharedTier;
import dev.cachegen.runtime.shared.Coherence;
import dev.cachegen.runtime.shared.KeySpace;
import dev.cachegen.runtime.shared.SharedTier;
import dev.cachegen.runtime.tier.StampedeSettings;
import dev.cachegen.runtime.tier.TieredCache;
import dev.cachegen.runtime.writebehind.DurableWriteBehind;
import dev.cachegen.runtime.writebehind.MemoryWriteBehind;
import dev.cachegen.runtime.writebehind.QueueConsumer;
import dev.cachegen.runtime.writebehind.WriteBehindBackend;
import dev.cachegen.runtime.writebehind.WriteBehindStores;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * What generated decorators call: the tiers, the codec and the statistics, shared by every
 * decorator of an application.
 *
 * <pre>{@code
 * // In-process only, nothing to install:
 * CacheRuntime runtime = CacheRuntime.inMemory();
 *
 * // Caffeine in front of Redis:
 * CacheRuntime runtime = CacheRuntime.builder()
 *     .redis("redis://cache.internal:6379/0")
 *     .keyPrefix("shop")
 *     .build();
 *
 * ItemService items = new CachedItemService(new JdbcItemService(dataSource), runtime);
 * }</pre>
 *
 * <p>The runtime fails open: when Redis is down, slow or answers garbage, calls still return the
 * delegate's answer within the configured timeout; a circuit breaker then skips Redis until a probe
 * succeeds, so an outage costs no timeout per call. A runtime is thread-safe; create one per
 * application and {@link #close()} it on shutdown.
 *
 * <p>Stampedes: for caches with {@code StampedePolicy.LOCK} (the default) one caller per key loads,
 * in this JVM and, with Redis, across all JVMs; the others wait for its value. {@link
 * Builder#stampedeLease}, {@link Builder#stampedeWait} and {@link Builder#stampedeTimeoutPolicy}
 * bound how long a lock lives and how long callers wait for it.
 */
public final class CacheRuntime implements AutoCloseable {
  private final SharedTier shared;
  private final Coherence coherence;
  private final Codec codec;
  private final String keyPrefix;
  private final KeySpace keys;
  private final Clock clock;
  private final LongSupplier nanoTime;
  private final Ticker ticker;
  private final Executor executor;
  private final ExecutorService ownedExecutor;
  private final long localMaximumSize;
  private final RuntimeObserver observer;
  private final boolean recordStats;

  /** The caches by name, in the order they were created; guarded by itself. */
  private final Map<String, TieredCache<?>> caches = new LinkedHashMap<>();

  private final Map<String, WriteBehindBackend<?>> writeBehinds = new ConcurrentHashMap<>();
  private final java.util.Queue<Batcher<?, ?>> batchers =
      new java.util.concurrent.ConcurrentLinkedQueue<>();
  private final WriteBehindStores writeBehindStores;
  private final QueueConsumer queueConsumer;
  private final int writeBehindCapacity;
  private final Duration writeBehindDrainTimeout;
  private final StampedeSettings stampede;

  private CacheRuntime(Builder builder, SharedTier shared, WriteBehindStores writeBehindStores) {
    this.shared = shared;
    this.writeBehindStores = writeBehindStores;
    this.keys = new KeySpace(builder.keyPrefix);
    this.coherence = new Coherence(shared, keys, builder.maximumTags);
    this.codec = builder.codec;
    this.keyPrefix = builder.keyPrefix;
    this.clock = builder.clock;
    if (builder.clock == Builder.SYSTEM_CLOCK) {
      this.nanoTime = System::nanoTime;
    } else {
      Clock custom = builder.clock;
      this.nanoTime = () -> TimeUnit.MILLISECONDS.toNanos(custom.millis());
    }
    LongSupplier ticks = nanoTime;
    this.ticker = builder.clock == Builder.SYSTEM_CLOCK ? Ticker.systemTicker() : ticks::getAsLong;
    if (builder.executor != null) {
      this.executor = builder.executor;
      this.ownedExecutor = null;
    } else {
      this.ownedExecutor = defaultExecutor();
      this.executor = ownedExecutor;
    }
    this.localMaximumSize = builder.localMaximumSize;
    this.observer =
        builder.meterRegistry == null
            ? RuntimeObserver.NONE
            : new MicrometerBinding(
                (io.micrometer.core.instrument.MeterRegistry) builder.meterRegistry);
    // Metrics need the counts, whatever recordStats says.
    this.recordStats = builder.recordStats || builder.meterRegistry != null;
    this.queueConsumer =
        new QueueConsumer(
            "node-" + java.util.UUID.randomUUID(), builder.writeBehindClaimAfter, builder.clock);
    this.writeBehindCapacity = builder.writeBehindCapacity;
    this.writeBehindDrainTimeout = builder.writeBehindDrainTimeout;
    this.stampede =
        new StampedeSettings(
            builder.stampedeLease,
            builder.stampedeWait,
            builder.stampedeTimeoutPolicy,
            builder.randomSource);
  }

  /** A runtime with the in-process tier only: nothing to install, nothing shared between JVMs. */
  public static CacheRuntime inMemory() {
    return builder().build();
  }

  /** Starts configuring a runtime. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The cache described by {@code definition}, created on first use. Every decorator that names the
   * same cache gets the same instance; definitions of one name must agree on value type and shape.
   *
   * @throws IllegalStateException if a cache of that name exists with another value type or shape
   */
  @SuppressWarnings("unchecked")
  public <V> Cache<V> cache(CacheDefinition<V> definition) {
    Objects.requireNonNull(definition, "definition");
    TieredCache<?> cache;
    synchronized (caches) {
      cache = caches.computeIfAbsent(definition.name(), name -> create(definition));
    }
    if (!cache.definition().isCompatibleWith(definition)) {
      throw new IllegalStateException(
          "cache "
              + definition.name()
              + " is already used with values of "
              + cache.definition().valueType().getTypeName()
              + " (shape "
              + cache.definition().shape()
              + "), not "
              + definition.valueType().getTypeName()
              + " (shape "
              + definition.shape()
              + "); give one of the methods another cache name");
    }
    return (TieredCache<V>) cache;
  }

  /**
   * Invalidates every entry that carries one of {@code tags}, in every cache and in every runtime
   * that shares this runtime's Redis and key prefix. Each tag costs one {@code INCR}, however many
   * entries carry it. Build tags with {@link Tags#builder()} exactly as the {@code tags} templates
   * of {@code @Cached} build them; generated code does this for {@code @InvalidateTags}.
   */
  public void invalidateTags(String... tags) {
    coherence.invalidateTags(tags);
  }

  /**
   * The write-behind queue described by {@code definition}, whose calls {@code handler} applies to
   * the delegate. With Redis the queue is durable and shared by every runtime with this key prefix;
   * without it, it lives in this JVM's memory. See {@link WriteBehindQueue}.
   *
   * @throws IllegalStateException if this runtime already has a queue of that name: one handler per
   *     queue and runtime, so that it is clear which delegate applies the calls
   */
  public <C> WriteBehindQueue<C> writeBehind(
      WriteBehindDefinition<C> definition, WriteHandler<C> handler) {
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(handler, "handler");
    Codec.TypedCodec<C> callCodec = codec.forType(definition.callType());
    WriteBehindBackend<C> backend =
        writeBehindStores
            .writeBehindStore(keys, definition.name())
            .<WriteBehindBackend<C>>map(
                store ->
                    new DurableWriteBehind<>(definition, handler, callCodec, store, queueConsumer))
            .orElseGet(
                () ->
                    new MemoryWriteBehind<>(
                        definition, handler, callCodec, writeBehindCapacity, clock));
    if (writeBehinds.putIfAbsent(definition.name(), backend) != null) {
      // Not started, so there is nothing to stop.
      throw new IllegalStateException(
          "write-behind queue "
              + definition.name()
              + " already has a handler in this runtime; create one decorator per runtime, or"
              + " give the method its own queue name");
    }
    observer.writeBehindCreated(backend);
    backend.start();
    return backend;
  }

  /** The calls of write-behind queue {@code queue} that failed on every attempt. */
  public java.util.List<DeadLetter> deadLetters(String queue) {
    return writeBehind(queue).deadLetters();
  }

  /** Queues every dead letter of {@code queue} again; returns how many. */
  public int replayDeadLetters(String queue) {
    return writeBehind(queue).replayDeadLetters();
  }

  private WriteBehindBackend<?> writeBehind(String queue) {
    WriteBehindBackend<?> backend = writeBehinds.get(queue);
    if (backend == null) {
      throw new java.util.NoSuchElementException(
          "no write-behind queue named "
              + queue
              + " in this runtime; known: "
              + writeBehinds.keySet());
    }
    return backend;
  }

  /**
   * A batcher owned by this runtime (its thread ends with {@link #close()}): single-key loads that
   * arrive within {@code windowNanos} of the first are answered by one {@code loader} call, at most
   * {@code maxBatch} keys at a time. Generated code creates one per {@code @Cached(batchWith =
   * ...)} method.
   */
  public <K, V> Batcher<K, V> batcher(
      String name, long windowNanos, int maxBatch, BulkLoader<K, V> loader) {
    Batcher<K, V> batcher =
        Batcher.of(name, java.time.Duration.ofNanos(windowNanos), maxBatch, loader);
    batchers.add(batcher);
    return batcher;
  }

  /** Statistics of every cache used so far. */
  public RuntimeStats stats() {
    Map<String, CacheStats> byName = new LinkedHashMap<>();
    synchronized (caches) {
      caches.forEach((name, cache) -> byName.put(name, cache.stats()));
    }
    Map<String, WriteBehindStats> queues = new LinkedHashMap<>();
    writeBehinds.forEach((name, backend) -> queues.put(name, backend.stats()));
    return new RuntimeStats(
        java.util.Collections.unmodifiableMap(byName),
        java.util.Collections.unmodifiableMap(queues),
        shared.describe(),
        shared.isAvailable(),
        coherence.eventsReceived(),
        coherence.resets());
  }

  /**
   * Applies the write-behind calls still queued (waiting at most {@code writeBehindDrainTimeout} in
   * all), then releases Redis connections and the runtime's own threads. Calls made after close
   * began are applied in the caller's thread. When a queue cannot finish in time, or Redis fails,
   * the log says how many calls were left and where: with Redis they stay in its stream for the
   * next runtime with this key prefix (an ERROR when Redis may not keep them); in memory they are
   * lost (an ERROR).
   */
  @Override
  public void close() {
    try {
      long deadline = System.nanoTime() + writeBehindDrainTimeout.toNanos();
      for (WriteBehindBackend<?> backend : writeBehinds.values()) {
        backend.drain(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
      }
      batchers.forEach(Batcher::close);
      if (ownedExecutor != null) {
        ownedExecutor.shutdown();
        try {
          ownedExecutor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    } finally {
      coherence.close();
      shared.close();
    }
  }

  @Override
  public String toString() {
    return "CacheRuntime[prefix=" + keyPrefix + ", shared=" + shared.describe() + "]";
  }

  private <V> TieredCache<V> create(CacheDefinition<V> definition) {
    TieredCache<V> cache =
        new TieredCache<>(
            definition,
            shared,
            coherence,
            codec.forType(definition.valueType()),
            keys,
            clock,
            nanoTime,
            ticker,
            executor,
            localMaximumSize,
            stampede,
            recordStats);
    coherence.register(definition.name(), cache);
    observer.cacheCreated(cache);
    return cache;
  }

  /** The coherence machinery, for tests in this package. */
  Coherence coherence() {
    return coherence;
  }

  private static ExecutorService defaultExecutor() {
    AtomicInteger count = new AtomicInteger();
    int maxThreads = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    return new ThreadPoolExecutor(
        0,
        maxThreads,
        30,
        TimeUnit.SECONDS,
        new SynchronousQueue<>(),
        task -> {
          Thread thread = new Thread(task, "cachegen-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        },
        new ThreadPoolExecutor.CallerRunsPolicy());
  }

  /**
   * Configures a {@link CacheRuntime}. Settings are checked as they are given; every mistake names
   * the setting.
   */
  public static final class Builder {
    static final Clock SYSTEM_CLOCK = Clock.systemUTC();

    private String redisUri;
    private List<String> clusterUris;
    private String sentinelMaster;
    private List<String> sentinelUris;
    private String keyPrefix = "cachegen";
    private Codec codec = JacksonCodec.create();
    private Clock clock = SYSTEM_CLOCK;
    private Executor executor;
    private Duration redisTimeout = Duration.ofMillis(250);
    private int redisPoolSize = 16;
    private int breakerFailures = 3;
    private Duration breakerOpenFor = Duration.ofSeconds(1);
    private long localMaximumSize = 10_000;
    private boolean recordStats = true;
    private Object meterRegistry;
    private long maximumTags = 100_000;
    private Duration writeBehindClaimAfter = Duration.ofSeconds(30);
    private int writeBehindCapacity = 10_000;
    private Duration writeBehindDrainTimeout = Duration.ofSeconds(10);
    private Duration stampedeLease = Duration.ofSeconds(10);
    private Duration stampedeWait = Duration.ofSeconds(5);
    private StampedeTimeoutPolicy stampedeTimeoutPolicy = StampedeTimeoutPolicy.LOAD;

    /** In (0, 1]: {@code 1 - [0, 1)}, so that its logarithm is finite and never positive. */
    private DoubleSupplier randomSource = () -> 1.0 - ThreadLocalRandom.current().nextDouble();

    private Builder() {}

    /**
     * Adds Redis as the shared tier: {@code redis://[[user]:password@]host[:port][/database]}, or
     * {@code rediss://} for TLS. Nothing connects until the first cache miss, so a Redis that is
     * down at start delays nothing.
     *
     * @throws IllegalArgumentException if the URI is not such a URI; the message says why
     */
    public Builder redis(String uri) {
      RedisEndpoint.parse(uri);
      if (clusterUris != null || sentinelUris != null) {
        throw new IllegalStateException(
            "redis(uri): redisCluster(...) or redisSentinel(...) was already set; use one");
      }
      this.redisUri = uri;
      return this;
    }

    /**
     * Adds a Redis master found through Redis Sentinel as the shared tier: {@code masterName} as
     * the sentinels monitor it, reached through any of the given sentinels ({@code
     * redis://host:26379}). The master's user, password and database come from the first URI; after
     * a failover the runtime follows the new master (calls in between fail open).
     */
    public Builder redisSentinel(String masterName, String... sentinelUris) {
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
      return this;
    }

    /**
     * Adds a Redis Cluster as the shared tier, reached through any of the given nodes: {@code
     * redis://host:port} or {@code rediss://} URIs; user and password come from the first. Entries,
     * tag versions and the write-behind queue spread over all slots.
     */
    public Builder redisCluster(String... uris) {
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
      return this;
    }

    /**
     * The first part of every Redis key, so that several applications can share one Redis. Default
     * {@code cachegen}. Letters, digits, {@code '.'}, {@code '_'} and {@code '-'}.
     */
    public Builder keyPrefix(String keyPrefix) {
      Objects.requireNonNull(keyPrefix, "keyPrefix");
      if (!keyPrefix.matches("[A-Za-z0-9._-]+")) {
        throw new IllegalArgumentException(
            "keyPrefix(\""
                + keyPrefix
                + "\"): use letters, digits, '.', '_' and '-' only, for example \"shop\"");
      }
      this.keyPrefix = keyPrefix;
      return this;
    }

    /** How values become bytes in Redis. Default {@link JacksonCodec#create()}. */
    public Builder codec(Codec codec) {
      this.codec = Objects.requireNonNull(codec, "codec");
      return this;
    }

    /**
     * The clock for stored-at times and in-process expiry. Default the system clock; tests pass a
     * clock they can move.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Runs asynchronous loads' Redis reads and writes. Default: the runtime's own bounded pool of
     * daemon threads, shut down by {@link CacheRuntime#close()}. An executor given here is not shut
     * down by the runtime.
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * The longest a Redis connect, read or wait for a pooled connection may take. Default 250 ms. A
     * call against a server that stopped answering costs at most about twice this (Jedis replaces
     * the broken connection in the caller's thread) before the circuit breaker opens.
     */
    public Builder redisTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "redisTimeout");
      if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            "redisTimeout(" + timeout + "): must be positive and at most 24 days");
      }
      this.redisTimeout = timeout;
      return this;
    }

    /** The most Redis connections this runtime opens. Default 16. */
    public Builder redisPoolSize(int size) {
      if (size < 1) {
        throw new IllegalArgumentException("redisPoolSize(" + size + "): must be at least 1");
      }
      this.redisPoolSize = size;
      return this;
    }

    /**
     * After {@code failures} consecutive Redis failures, skip Redis for {@code openFor}, then let
     * one call probe it. Defaults 3 and one second.
     */
    public Builder circuitBreaker(int failures, Duration openFor) {
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
      return this;
    }

    /**
     * Whether in-process hits and misses are counted for {@link CacheRuntime#stats()}. Default
     * {@code true}. Counting is the one thing an L1 hit does beyond the Caffeine lookup (a few
     * nanoseconds); turn it off for the leanest hits. Loads, Redis reads and errors are always
     * counted, and a {@link #meterRegistry} turns counting on.
     */
    public Builder recordStats(boolean recordStats) {
      this.recordStats = recordStats;
      return this;
    }

    /**
     * Publishes every cache's and write-behind queue's statistics to Micrometer, under the names of
     * Micrometer's own cache binders ({@code cache.gets{result=hit|miss}}, {@code cache.puts},
     * {@code cache.evictions}, {@code cache.size}, {@code cache.load}, {@code cache.load.duration})
     * plus cachegen's per-tier, stampede, fail-open and write-behind meters. Micrometer is an
     * optional dependency: without this call it need not be on the class path.
     */
    public Builder meterRegistry(io.micrometer.core.instrument.MeterRegistry registry) {
      this.meterRegistry = Objects.requireNonNull(registry, "meterRegistry");
      return this;
    }

    /**
     * The most entries each cache keeps in the in-process tier. Default 10,000. {@code 0} turns the
     * in-process tier off: every call reads Redis (and still benefits from single flight).
     */
    public Builder localMaximumSize(long size) {
      if (size < 0) {
        throw new IllegalArgumentException("localMaximumSize(" + size + "): must not be negative");
      }
      this.localMaximumSize = size;
      return this;
    }

    /**
     * The most tag versions each runtime remembers. Default 100,000. An entry whose tag version was
     * forgotten reads as a miss once, then the version is read again from Redis.
     */
    public Builder maximumTags(long maximumTags) {
      if (maximumTags < 1) {
        throw new IllegalArgumentException("maximumTags(" + maximumTags + "): must be positive");
      }
      this.maximumTags = maximumTags;
      return this;
    }

    /**
     * How long a write-behind call may stay pending (delivered to a runtime, not yet acknowledged)
     * before another runtime takes it over, assuming the first one died. Longer than the slowest
     * delegate call plus its retries. Default 30 seconds.
     */
    public Builder writeBehindClaimAfter(Duration claimAfter) {
      Objects.requireNonNull(claimAfter, "writeBehindClaimAfter");
      if (claimAfter.isNegative() || claimAfter.isZero()) {
        throw new IllegalArgumentException(
            "writeBehindClaimAfter(" + claimAfter + "): must be positive");
      }
      this.writeBehindClaimAfter = claimAfter;
      return this;
    }

    /**
     * How many calls the in-memory write-behind queue holds before callers apply their writes
     * themselves. Default 10,000. Not used with Redis, whose queue is bounded by its memory.
     */
    public Builder writeBehindCapacity(int capacity) {
      if (capacity < 1) {
        throw new IllegalArgumentException(
            "writeBehindCapacity(" + capacity + "): must be at least 1");
      }
      this.writeBehindCapacity = capacity;
      return this;
    }

    /**
     * How long {@link CacheRuntime#close()} waits for queued writes, all queues together. Default
     * 10 seconds.
     */
    public Builder writeBehindDrainTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "writeBehindDrainTimeout");
      if (timeout.isNegative()) {
        throw new IllegalArgumentException(
            "writeBehindDrainTimeout(" + timeout + "): must not be negative");
      }
      this.writeBehindDrainTimeout = timeout;
      return this;
    }

    /**
     * How long a stampede lock (taken in Redis by the one JVM that loads a missing key, for caches
     * with {@code StampedePolicy.LOCK}) lasts at most. Longer than the slowest load: when it ends
     * before the load does, another JVM may load too. A crashed owner blocks the key's other
     * callers for at most this long. Default 10 seconds.
     */
    public Builder stampedeLease(Duration lease) {
      Objects.requireNonNull(lease, "stampedeLease");
      if (lease.toMillis() < 1) {
        throw new IllegalArgumentException(
            "stampedeLease(" + lease + "): must be at least one millisecond");
      }
      this.stampedeLease = lease;
      return this;
    }

    /**
     * How long a caller waits, in all, for another JVM's load of the same key before {@link
     * #stampedeTimeoutPolicy its timeout policy} applies. Waiters wake when the owner announces the
     * value, and also poll Redis with a short backoff. Default 5 seconds; {@code Duration.ZERO}
     * never waits.
     */
    public Builder stampedeWait(Duration wait) {
      Objects.requireNonNull(wait, "stampedeWait");
      if (wait.isNegative()) {
        throw new IllegalArgumentException("stampedeWait(" + wait + "): must not be negative");
      }
      this.stampedeWait = wait;
      return this;
    }

    /**
     * What a caller does when its {@link #stampedeWait} ran out: {@link StampedeTimeoutPolicy#LOAD}
     * (the default) calls the delegate anyway, {@link StampedeTimeoutPolicy#FAIL} throws {@link
     * StampedeTimeoutException}.
     */
    public Builder stampedeTimeoutPolicy(StampedeTimeoutPolicy policy) {
      this.stampedeTimeoutPolicy = Objects.requireNonNull(policy, "stampedeTimeoutPolicy");
      return this;
    }

    /** Early refresh's random numbers, which must lie in (0, 1]; for tests. */
    Builder randomSource(DoubleSupplier random) {
      this.randomSource = Objects.requireNonNull(random, "randomSource");
      return this;
    }

    /**
     * Builds the runtime. Does not wait for Redis: a Redis that is down at start delays nothing,
     * and the runtime starts using it when it answers.
     */
    public CacheRuntime build() {
      RedisSharedTier.RedisSettings settings =
          new RedisSharedTier.RedisSettings(
              redisTimeout, redisPoolSize, breakerFailures, breakerOpenFor);
      RedisSharedTier redis = null;
      if (redisUri != null) {
        redis = RedisSharedTier.standalone(RedisEndpoint.parse(redisUri), settings);
      } else if (sentinelUris != null) {
        List<RedisEndpoint> sentinels = new ArrayList<>();
        sentinelUris.forEach(uri -> sentinels.add(RedisEndpoint.parse(uri)));
        redis = RedisSharedTier.sentinel(sentinelMaster, sentinels, settings);
      } else if (clusterUris != null) {
        List<RedisEndpoint> seeds = new ArrayList<>();
        clusterUris.forEach(uri -> seeds.add(RedisEndpoint.parse(uri)));
        redis = RedisSharedTier.cluster(seeds, settings);
      }
      // Redis is both the shared tier and the store of durable write-behind queues.
      CacheRuntime runtime =
          redis == null
              ? new CacheRuntime(this, SharedTier.NONE, WriteBehindStores.NONE)
              : new CacheRuntime(this, redis, redis);
      runtime.observer.runtimeStarted(runtime.shared, runtime.coherence);
      return runtime;
    }
  }
}
