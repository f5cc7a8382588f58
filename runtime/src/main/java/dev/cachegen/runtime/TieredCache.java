package dev.cachegen.runtime;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.cachegen.annotations.StampedePolicy;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One named cache across both tiers, as generated decorators use it. Obtain it with {@link
 * CacheRuntime#cache(CacheDefinition)}; a decorator method reads
 *
 * <pre>{@code
 * Object key = Keys.local(id);
 * CacheEntry<Item> cached = find.getIfPresent(key);
 * if (cached != null) {
 *   return cached.value();
 * }
 * String sharedKey = find.sharedKey().value(id).build();
 * return find.get(key, sharedKey, () -> delegate.find(id));
 * }</pre>
 *
 * <p>The L1 check comes first and is inlined in the generated method, so a hit costs a Caffeine
 * lookup and nothing else: no lambda, no shared key string.
 *
 * <p>Writes ({@link #put}), evictions ({@link #invalidate}, {@link #invalidateAll}) and tag
 * invalidations ({@link CacheRuntime#invalidateTags}) reach the in-process tier of every other
 * runtime with the same key prefix through Redis pub/sub. A load that overlaps such a write never
 * stores its older value in the in-process tier, and never replaces a newer value in Redis.
 *
 * @param <V> the type of the cached values
 */
public final class TieredCache<V> {
  private static final Logger log = LoggerFactory.getLogger(TieredCache.class);
  private static final String[] NO_TAGS = new String[0];
  private static final long[] NO_VERSIONS = new long[0];

  private final CacheDefinition<V> definition;
  private final Cache<Object, CacheEntry<V>> local;
  private final SharedTier shared;
  private final Coherence coherence;
  private final Codec.TypedCodec<V> codec;
  private final String namespace;
  private final Clock clock;
  private final LongSupplier nanoTime;
  private final Executor executor;
  private final long ttlMillis;
  private final CacheCounters counters = new CacheCounters();
  private final ConcurrentHashMap<Object, CompletableFuture<CacheEntry<V>>> inFlight =
      new ConcurrentHashMap<>();

  /**
   * Shared key to local key of every in-process entry, so that an event naming a shared key can
   * evict the entry. Only kept when there are other runtimes to hear from.
   */
  private final Map<String, Object> localKeys = new ConcurrentHashMap<>();

  /** Moves on with every invalidation; a load stores locally only if it did not move meanwhile. */
  private final AtomicLong invalidations = new AtomicLong();

  /** This cache's generation, or {@link CacheEntry#UNKNOWN_GENERATION} until read from Redis. */
  private volatile long generation;

  private final AtomicBoolean decodeFailureLogged = new AtomicBoolean();
  private final AtomicBoolean encodeFailureLogged = new AtomicBoolean();

  TieredCache(
      CacheDefinition<V> definition,
      SharedTier shared,
      Coherence coherence,
      Codec.TypedCodec<V> codec,
      String keyPrefix,
      Clock clock,
      LongSupplier nanoTime,
      Ticker ticker,
      Executor executor,
      long localMaximumSize) {
    this.definition = definition;
    this.shared = shared;
    this.coherence = coherence;
    this.codec = codec;
    this.namespace = keyPrefix + ":" + definition.name() + ":" + definition.shape() + ":";
    this.clock = clock;
    this.nanoTime = nanoTime;
    this.executor = executor;
    this.ttlMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(definition.ttlNanos()));
    this.generation = shared.isPresent() ? CacheEntry.UNKNOWN_GENERATION : 0;
    Caffeine<Object, Object> builder =
        Caffeine.newBuilder().maximumSize(localMaximumSize).ticker(ticker).executor(executor);
    if (definition.sliding()) {
      builder.expireAfterAccess(definition.localTtlNanos(), TimeUnit.NANOSECONDS);
    } else {
      builder.expireAfterWrite(definition.localTtlNanos(), TimeUnit.NANOSECONDS);
    }
    this.local =
        builder
            .<Object, CacheEntry<V>>evictionListener(
                (Object key, CacheEntry<V> entry, RemovalCause cause) -> {
                  if (key != null && entry != null) {
                    localKeys.remove(entry.sharedKey(), key);
                  }
                })
            .build();
  }

  /** The definition this cache was created from. */
  public CacheDefinition<V> definition() {
    return definition;
  }

  /**
   * The entry for {@code localKey} in the in-process tier, or {@code null}. Counts a local hit or
   * miss. Never touches the shared tier. An entry whose cache or tags were invalidated since it was
   * loaded is dropped and reads as a miss.
   */
  public CacheEntry<V> getIfPresent(Object localKey) {
    CacheEntry<V> entry = local.getIfPresent(localKey);
    if (entry != null && !isCurrent(entry)) {
      removeLocal(localKey, entry);
      entry = null;
    }
    if (entry != null) {
      counters.localHits.increment();
    } else {
      counters.localMisses.increment();
    }
    return entry;
  }

  /** A builder for the shared key of one call, already holding prefix, name and shape. */
  public SharedKeyBuilder sharedKey() {
    return new SharedKeyBuilder(namespace);
  }

  /**
   * The value for a key that missed the in-process tier: from the shared tier if it has it, else
   * from {@code loader}, then stored in both tiers. With {@link StampedePolicy#LOCK}, concurrent
   * callers of one key in this JVM share one load. Whatever {@code loader} throws reaches the
   * caller unchanged and is not cached.
   *
   * @param localKey the key built by {@link Keys}
   * @param sharedKey the key built by {@link #sharedKey()}, for the same values
   * @param loader calls the delegate
   */
  public V get(Object localKey, String sharedKey, Loader<V> loader) {
    return get(localKey, sharedKey, NO_TAGS, loader);
  }

  /**
   * {@link #get(Object, String, Loader)} for an entry that carries {@code tags} (built with {@link
   * Tags#builder()}); {@link CacheRuntime#invalidateTags} of any of them drops it everywhere.
   */
  public V get(Object localKey, String sharedKey, String[] tags, Loader<V> loader) {
    if (definition.stampede() == StampedePolicy.NONE) {
      try {
        return loadThroughTiers(localKey, sharedKey, tags, loader).value();
      } catch (Throwable failure) {
        throw Sneaky.rethrow(failure);
      }
    }
    CompletableFuture<CacheEntry<V>> ours = new CompletableFuture<>();
    CompletableFuture<CacheEntry<V>> theirs = inFlight.putIfAbsent(localKey, ours);
    if (theirs != null) {
      return await(theirs).value();
    }
    try {
      // A load may have finished between this caller's miss and its claim of the key.
      CacheEntry<V> entry = local.getIfPresent(localKey);
      if (entry == null || !isCurrent(entry)) {
        entry = loadThroughTiers(localKey, sharedKey, tags, loader);
      }
      ours.complete(entry);
      return entry.value();
    } catch (Throwable failure) {
      ours.completeExceptionally(new Sneaky.LoadFailure(failure));
      throw Sneaky.rethrow(failure);
    } finally {
      inFlight.remove(localKey, ours);
    }
  }

  /**
   * The asynchronous form of {@link #get}: for methods that return {@code CompletableFuture} or
   * {@code CompletionStage}. The value the stage completes with is what is cached; a failed stage
   * is not cached. Concurrent callers of one key share one load, and each gets its own future, so
   * no caller can cancel or complete another's.
   */
  public CompletableFuture<V> getAsync(Object localKey, String sharedKey, AsyncLoader<V> loader) {
    return getAsync(localKey, sharedKey, NO_TAGS, loader);
  }

  /** {@link #getAsync(Object, String, AsyncLoader)} for an entry that carries {@code tags}. */
  public CompletableFuture<V> getAsync(
      Object localKey, String sharedKey, String[] tags, AsyncLoader<V> loader) {
    if (definition.stampede() == StampedePolicy.NONE) {
      return loadThroughTiersAsync(localKey, sharedKey, tags, loader).thenApply(CacheEntry::value);
    }
    CompletableFuture<CacheEntry<V>> ours = new CompletableFuture<>();
    CompletableFuture<CacheEntry<V>> theirs = inFlight.putIfAbsent(localKey, ours);
    if (theirs != null) {
      return valueOf(theirs);
    }
    CacheEntry<V> entry = local.getIfPresent(localKey);
    CompletableFuture<CacheEntry<V>> load =
        entry != null && isCurrent(entry)
            ? CompletableFuture.completedFuture(entry)
            : loadThroughTiersAsync(localKey, sharedKey, tags, loader);
    load.whenComplete(
        (loaded, failure) -> {
          inFlight.remove(localKey, ours);
          if (failure != null) {
            ours.completeExceptionally(Sneaky.unwrap(failure));
          } else {
            ours.complete(loaded);
          }
        });
    return valueOf(ours);
  }

  /** A new future of the entry's value: callers cannot complete or cancel the shared one. */
  private static <V> CompletableFuture<V> valueOf(CompletableFuture<CacheEntry<V>> load) {
    return load.handle(
        (entry, failure) -> {
          if (failure != null) {
            throw new CompletionException(Sneaky.unwrap(failure));
          }
          return entry.value();
        });
  }

  /**
   * Stores {@code value} under the key in both tiers, replacing what is there, and tells the other
   * runtimes to drop their in-process copy (write-through). A {@code null} value in a cache that
   * does not cache nulls removes the entry instead.
   */
  public void put(Object localKey, String sharedKey, V value) {
    put(localKey, sharedKey, NO_TAGS, value);
  }

  /** {@link #put(Object, String, Object)} for an entry that carries {@code tags}. */
  public void put(Object localKey, String sharedKey, String[] tags, V value) {
    if (value == null && !definition.cacheNulls()) {
      invalidate(localKey, sharedKey);
      return;
    }
    // Loads that started before this write must not store their older value afterwards.
    invalidations.incrementAndGet();
    long currentGeneration = currentGeneration();
    long[] versions = tags.length == 0 ? NO_VERSIONS : coherence.currentVersions(tags);
    CacheEntry<V> entry =
        new CacheEntry<>(value, clock.millis(), 0, currentGeneration, tags, versions, sharedKey);
    putLocal(localKey, entry);
    counters.puts.increment();
    writeShared(entry, true);
    coherence.keyChanged(definition.name(), sharedKey);
  }

  /** Removes the key from both tiers, here and in the in-process tier of every other runtime. */
  public void invalidate(Object localKey, String sharedKey) {
    invalidations.incrementAndGet();
    CacheEntry<V> entry = local.getIfPresent(localKey);
    if (entry != null) {
      removeLocal(localKey, entry);
    }
    counters.evictions.increment();
    try {
      shared.delete(sharedKey);
    } catch (SharedTierException e) {
      counters.sharedErrors.increment();
    }
    coherence.keyChanged(definition.name(), sharedKey);
  }

  /**
   * Removes every entry of this cache, in both tiers and every runtime, in O(1): the cache's
   * generation moves on, and entries of older generations read as misses.
   */
  public void invalidateAll() {
    invalidations.incrementAndGet();
    generation = coherence.advanceGeneration(definition.name(), generation);
    local.invalidateAll();
    localKeys.clear();
    counters.evictions.increment();
  }

  /** Statistics of this cache since the runtime started. */
  public CacheStats stats() {
    return counters.snapshot(definition.name(), local.estimatedSize());
  }

  // ---- events from other runtimes ---------------------------------------------------------

  /** Another runtime wrote or evicted {@code sharedKey}. */
  void evictLocally(String sharedKey) {
    invalidations.incrementAndGet();
    Object localKey = localKeys.get(sharedKey);
    if (localKey != null) {
      CacheEntry<V> entry = local.getIfPresent(localKey);
      if (entry != null) {
        removeLocal(localKey, entry);
      }
    }
  }

  /** Another runtime invalidated the whole cache. */
  void generationAdvanced(long newGeneration) {
    invalidations.incrementAndGet();
    long current = generation;
    generation = Math.max(current, newGeneration);
    local.invalidateAll();
    localKeys.clear();
  }

  /** Events may have been missed: forget everything local, read the generation again. */
  void dropLocalTier() {
    invalidations.incrementAndGet();
    if (shared.isPresent()) {
      generation = CacheEntry.UNKNOWN_GENERATION;
    }
    local.invalidateAll();
    localKeys.clear();
  }

  // ---- internals --------------------------------------------------------------------------

  private boolean isCurrent(CacheEntry<V> entry) {
    return entry.generation() == generation
        && (!entry.hasTags() || coherence.tagsAreCurrent(entry));
  }

  private long currentGeneration() {
    long known = generation;
    if (known != CacheEntry.UNKNOWN_GENERATION) {
      return known;
    }
    long read = coherence.readGeneration(definition.name());
    if (read != CacheEntry.UNKNOWN_GENERATION) {
      synchronized (this) {
        if (generation == CacheEntry.UNKNOWN_GENERATION || generation < read) {
          generation = read;
        }
        return generation;
      }
    }
    return read;
  }

  private void putLocal(Object localKey, CacheEntry<V> entry) {
    local.put(localKey, entry);
    if (shared.isPresent()) {
      localKeys.put(entry.sharedKey(), localKey);
    }
  }

  /** Stores a loaded entry locally unless an invalidation happened since {@code sequence}. */
  private void putLocalIfUnchanged(long sequence, Object localKey, CacheEntry<V> entry) {
    if (invalidations.get() != sequence) {
      return;
    }
    putLocal(localKey, entry);
    if (invalidations.get() != sequence) {
      // An invalidation raced with the store: it may have looked for the entry too early.
      removeLocal(localKey, entry);
    }
  }

  private void removeLocal(Object localKey, CacheEntry<V> entry) {
    local.asMap().remove(localKey, entry);
    localKeys.remove(entry.sharedKey(), localKey);
  }

  private CacheEntry<V> loadThroughTiers(
      Object localKey, String sharedKey, String[] tags, Loader<V> loader) throws Throwable {
    long sequence = invalidations.get();
    long loadGeneration = currentGeneration();
    long[] versions = tags.length == 0 ? NO_VERSIONS : coherence.currentVersions(tags);
    SharedRead<V> read = readShared(sharedKey, loadGeneration);
    if (read.entry != null) {
      putLocalIfUnchanged(sequence, localKey, read.entry);
      return read.entry;
    }
    long start = nanoTime.getAsLong();
    V value;
    try {
      value = loader.load();
    } catch (Throwable failure) {
      counters.loadFailures.increment();
      counters.loadNanos.add(nanoTime.getAsLong() - start);
      throw failure;
    }
    CacheEntry<V> entry = loaded(value, start, loadGeneration, tags, versions, sharedKey);
    if (value != null || definition.cacheNulls()) {
      putLocalIfUnchanged(sequence, localKey, entry);
      writeShared(entry, read.replace);
    }
    return entry;
  }

  private CompletableFuture<CacheEntry<V>> loadThroughTiersAsync(
      Object localKey, String sharedKey, String[] tags, AsyncLoader<V> loader) {
    long sequence = invalidations.get();
    CompletableFuture<Prepared<V>> prepared =
        shared.isPresent()
            ? CompletableFuture.supplyAsync(() -> prepare(sharedKey, tags), executor)
            : CompletableFuture.completedFuture(prepare(sharedKey, tags));
    return prepared.thenCompose(
        ready -> {
          if (ready.read.entry != null) {
            putLocalIfUnchanged(sequence, localKey, ready.read.entry);
            return CompletableFuture.completedFuture(ready.read.entry);
          }
          long start = nanoTime.getAsLong();
          CompletionStage<V> stage;
          try {
            stage = loader.load();
            if (stage == null) {
              throw new NullPointerException(
                  "the delegate of cache " + definition.name() + " returned a null future");
            }
          } catch (Throwable failure) {
            counters.loadFailures.increment();
            return CompletableFuture.failedFuture(failure);
          }
          return stage
              .toCompletableFuture()
              .handle(
                  (value, failure) -> {
                    if (failure != null) {
                      counters.loadFailures.increment();
                      counters.loadNanos.add(nanoTime.getAsLong() - start);
                      throw new CompletionException(Sneaky.unwrap(failure));
                    }
                    CacheEntry<V> entry =
                        loaded(value, start, ready.generation, tags, ready.versions, sharedKey);
                    if (value != null || definition.cacheNulls()) {
                      putLocalIfUnchanged(sequence, localKey, entry);
                      if (shared.isPresent()) {
                        executor.execute(() -> writeShared(entry, ready.read.replace));
                      }
                    }
                    return entry;
                  });
        });
  }

  private Prepared<V> prepare(String sharedKey, String[] tags) {
    long loadGeneration = currentGeneration();
    long[] versions = tags.length == 0 ? NO_VERSIONS : coherence.currentVersions(tags);
    return new Prepared<>(loadGeneration, versions, readShared(sharedKey, loadGeneration));
  }

  private CacheEntry<V> loaded(
      V value,
      long startNanos,
      long loadGeneration,
      String[] tags,
      long[] versions,
      String sharedKey) {
    long loadNanos = nanoTime.getAsLong() - startNanos;
    counters.loads.increment();
    counters.loadNanos.add(loadNanos);
    return new CacheEntry<>(
        value, clock.millis(), loadNanos, loadGeneration, tags, versions, sharedKey);
  }

  private SharedRead<V> readShared(String sharedKey, long loadGeneration) {
    if (!shared.isPresent()) {
      return SharedRead.absent();
    }
    byte[] bytes;
    try {
      bytes =
          definition.sliding() ? shared.getAndExpire(sharedKey, ttlMillis) : shared.get(sharedKey);
    } catch (SharedTierException e) {
      counters.sharedErrors.increment();
      counters.sharedMisses.increment();
      return SharedRead.absent();
    }
    if (bytes == null) {
      counters.sharedMisses.increment();
      return SharedRead.absent();
    }
    CacheEntry<V> entry;
    try {
      entry = EntryFormat.decode(bytes, codec, sharedKey);
    } catch (Exception e) {
      // Another shape, another writer or plain garbage: a miss; the load that follows overwrites
      // it.
      counters.sharedErrors.increment();
      counters.sharedMisses.increment();
      if (decodeFailureLogged.compareAndSet(false, true)) {
        log.warn(
            "cache {}: cannot decode the entry at {} as {}; treating it as a miss and overwriting"
                + " it (further decode failures of this cache are logged at debug): {}",
            definition.name(),
            sharedKey,
            definition.valueType().getTypeName(),
            e.toString());
      } else {
        log.debug("cache {}: cannot decode the entry at {}", definition.name(), sharedKey, e);
      }
      return SharedRead.replace();
    }
    boolean current =
        loadGeneration != CacheEntry.UNKNOWN_GENERATION
            && entry.generation() == loadGeneration
            && (!entry.hasTags() || tagsCurrentReadingUnknown(entry));
    if (!current) {
      // Written before an invalidation of its cache or one of its tags.
      counters.sharedMisses.increment();
      return SharedRead.replace();
    }
    counters.sharedHits.increment();
    return SharedRead.hit(entry);
  }

  /** Like {@link Coherence#tagsAreCurrent}, first reading versions this runtime does not know. */
  private boolean tagsCurrentReadingUnknown(CacheEntry<V> entry) {
    long[] current = coherence.currentVersions(entry.tags());
    long[] stored = entry.tagVersions();
    for (int i = 0; i < current.length; i++) {
      if (current[i] == CacheEntry.UNKNOWN_GENERATION || current[i] != stored[i]) {
        return false;
      }
    }
    return true;
  }

  private void writeShared(CacheEntry<V> entry, boolean replace) {
    if (!shared.isPresent() || entry.generation() == CacheEntry.UNKNOWN_GENERATION) {
      return;
    }
    for (long version : entry.tagVersions()) {
      if (version == CacheEntry.UNKNOWN_GENERATION) {
        return; // Redis could not tell the tag's version: the entry could not be checked later
      }
    }
    byte[] bytes;
    try {
      bytes = EntryFormat.encode(entry, codec);
    } catch (Exception e) {
      counters.sharedErrors.increment();
      if (encodeFailureLogged.compareAndSet(false, true)) {
        log.warn(
            "cache {}: cannot encode a {} for the shared tier; it stays in the local tier only: {}",
            definition.name(),
            definition.valueType().getTypeName(),
            e.toString());
      }
      return;
    }
    try {
      long ttl = jittered(ttlMillis);
      if (replace) {
        shared.set(entry.sharedKey(), bytes, ttl);
      } else {
        // A write that raced with this load already stored a newer value: keep it.
        shared.setIfAbsent(entry.sharedKey(), bytes, ttl);
      }
    } catch (SharedTierException e) {
      counters.sharedErrors.increment();
    }
  }

  /** The ttl shortened by up to 10%, so entries written together do not expire together. */
  static long jittered(long ttlMillis) {
    long spread = ttlMillis / 10;
    return spread == 0 ? ttlMillis : ttlMillis - ThreadLocalRandom.current().nextLong(spread + 1);
  }

  private static <V> CacheEntry<V> await(CompletableFuture<CacheEntry<V>> load) {
    try {
      return load.join();
    } catch (CompletionException e) {
      throw Sneaky.rethrow(Sneaky.unwrap(e));
    }
  }

  /** What a read of the shared tier found. */
  private static final class SharedRead<V> {
    private static final SharedRead<?> ABSENT = new SharedRead<>(null, false);
    private static final SharedRead<?> REPLACE = new SharedRead<>(null, true);

    final CacheEntry<V> entry;

    /** Whether the key holds bytes that must be overwritten (corrupt or stale). */
    final boolean replace;

    private SharedRead(CacheEntry<V> entry, boolean replace) {
      this.entry = entry;
      this.replace = replace;
    }

    static <V> SharedRead<V> hit(CacheEntry<V> entry) {
      return new SharedRead<>(entry, false);
    }

    @SuppressWarnings("unchecked")
    static <V> SharedRead<V> absent() {
      return (SharedRead<V>) ABSENT;
    }

    @SuppressWarnings("unchecked")
    static <V> SharedRead<V> replace() {
      return (SharedRead<V>) REPLACE;
    }
  }

  /** What an asynchronous load learns before it calls the delegate. */
  private static final class Prepared<V> {
    final long generation;
    final long[] versions;
    final SharedRead<V> read;

    Prepared(long generation, long[] versions, SharedRead<V> read) {
      this.generation = generation;
      this.versions = versions;
      this.read = read;
    }
  }
}
