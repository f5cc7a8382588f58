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
import dev.cachegen.runtime.tier.CoarseTicker;
import dev.cachegen.runtime.tier.StampedeSettings;
import dev.cachegen.runtime.tier.TieredCache;
import dev.cachegen.runtime.tier.ValueEncoding;
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
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
  private final ValueEncoding encoding;
  private final String keyPrefix;
  private final KeySpace keys;
  private final Clock clock;
  private final LongSupplier nanoTime;
  private final Ticker ticker;

  /** The ticker's thread, when the runtime started one; stopped by {@link #close()}. */
  private final CoarseTicker coarseTicker;

  private final Executor executor;
  private final ExecutorService ownedExecutor;
  private final long localMaximumSize;
  private final int maxValueBytes;
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
    this.coherence =
        new Coherence(
            shared,
            keys,
            builder.maximumTags,
            builder.coherence.publishesEvents(),
            builder.coherence.tracks());
    this.codec = builder.codec;
    this.encoding = builder.valueEncoding();
    this.keyPrefix = builder.keyPrefix;
    this.clock = builder.clock;
    if (builder.clock == Builder.SYSTEM_CLOCK) {
      this.nanoTime = System::nanoTime;
      this.coarseTicker =
          builder.expiryResolutionNanos > 0
              ? CoarseTicker.start(builder.expiryResolutionNanos, TimeUnit.NANOSECONDS)
              : null;
      this.ticker = coarseTicker != null ? coarseTicker : Ticker.systemTicker();
    } else {
      Clock custom = builder.clock;
      LongSupplier ticks = () -> TimeUnit.MILLISECONDS.toNanos(custom.millis());
      this.nanoTime = ticks;
      this.ticker = ticks::getAsLong;
      this.coarseTicker = null;
    }
    if (builder.executor != null) {
      this.executor = builder.executor;
      this.ownedExecutor = null;
    } else {
      this.ownedExecutor = defaultExecutor();
      this.executor = ownedExecutor;
    }
    this.localMaximumSize = builder.localMaximumSize;
    this.maxValueBytes = builder.maxValueBytes;
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
            builder.loadTimeout,
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
   * entries carry it. Build tags with {@link dev.cachegen.runtime.internal.Tags#builder()} exactly
   * as the {@code tags} templates of {@code @Cached} build them; generated code does this for
   * {@code @InvalidateTags}.
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

  /**
   * The definitions of every cache used so far (name, value type, ttl and the other settings the
   * processor wrote), in the order the caches were created. Read-only: for operations tools such as
   * the Spring Boot starter's endpoint, which reaches a cache through {@link #cache} with one.
   */
  public java.util.List<CacheDefinition<?>> cacheDefinitions() {
    synchronized (caches) {
      return caches.values().stream().<CacheDefinition<?>>map(TieredCache::definition).toList();
    }
  }

  /**
   * What each tier holds for one key of cache {@code cache}: whether it is there, how long it
   * stays, its tags and its size. Reads without counting a hit or a miss. For operations tools such
   * as the Spring Boot starter's {@code /actuator/cachegen}.
   *
   * <p>{@code key} is the text that follows the cache's namespace in Redis: the key template's
   * literal text, and each value in square brackets with {@code \}, {@code [} and {@code ]} escaped
   * by a backslash. For {@code @Cached find(long id)} that is {@code [42]}; for {@code key =
   * "user:{id}"}, {@code user:[42]}; for two values, {@code [a][1]}; for a record {@code Page(1,
   * 20)}, {@code [[1][20]]}; for {@code null}, {@code [\0]}. The whole Redis key is accepted too.
   *
   * @throws java.util.NoSuchElementException if no cache of that name has been used in this runtime
   * @throws IllegalArgumentException if {@code key} is not a key in that form
   */
  public KeyInspection inspect(String cache, String key) {
    return named(cache).inspect(Objects.requireNonNull(key, "key"));
  }

  /**
   * Removes one key of cache {@code cache} from both tiers, here and in the in-process tier of
   * every runtime that shares this one's Redis and key prefix, as a generated {@code @Invalidate}
   * method would. {@code key} is written as {@link #inspect} describes.
   *
   * @throws java.util.NoSuchElementException if no cache of that name has been used in this runtime
   * @throws IllegalArgumentException if {@code key} is not a key in that form
   */
  public void evict(String cache, String key) {
    named(cache).evict(Objects.requireNonNull(key, "key"));
  }

  private TieredCache<?> named(String cache) {
    synchronized (caches) {
      TieredCache<?> found = caches.get(cache);
      if (found == null) {
        throw new java.util.NoSuchElementException(
            "no cache named "
                + cache
                + " has been used in this runtime; known: "
                + caches.keySet());
      }
      return found;
    }
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
        shared.refusesWrites(),
        shared.configurationProblem(),
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
      if (coarseTicker != null) {
        coarseTicker.close();
      }
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
            encoding.<V>forType(definition.valueType()),
            keys,
            clock,
            nanoTime,
            ticker,
            executor,
            localMaximumSize,
            maxValueBytes,
            stampede,
            recordStats);
    coherence.register(
        definition.name(),
        cache,
        TimeUnit.NANOSECONDS.toMillis(definition.ttlNanos() + definition.staleNanos()));
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
  public static final class Builder extends RuntimeSettings {
    private Builder() {}

    /**
     * Builds the runtime. Does not wait for Redis: a Redis that is down at start delays nothing,
     * and the runtime starts using it when it answers.
     */
    public CacheRuntime build() {
      valueEncoding(); // a contradiction fails before anything connects
      RedisSharedTier.RedisSettings settings =
          new RedisSharedTier.RedisSettings(
              redisTimeout, redisPoolSize, breakerFailures, breakerOpenFor, redisSsl);
      checkTls();
      checkCoherence();
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
      if (redis != null && verifyOnStart) {
        try {
          redis.verify(new KeySpace(keyPrefix), coherence.tracks());
        } catch (RuntimeException e) {
          redis.close();
          throw e;
        }
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
