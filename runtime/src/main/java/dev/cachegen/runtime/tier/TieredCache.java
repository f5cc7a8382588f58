package dev.cachegen.runtime.tier;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.cachegen.annotations.StampedePolicy;
import dev.cachegen.runtime.CacheStats;
import dev.cachegen.runtime.KeyInspection;
import dev.cachegen.runtime.internal.AsyncLoader;
import dev.cachegen.runtime.internal.BulkLoader;
import dev.cachegen.runtime.internal.Cache;
import dev.cachegen.runtime.internal.CacheDefinition;
import dev.cachegen.runtime.internal.CacheEntry;
import dev.cachegen.runtime.internal.Loader;
import dev.cachegen.runtime.internal.SharedKeyBuilder;
import dev.cachegen.runtime.internal.Sneaky;
import dev.cachegen.runtime.shared.Coherence;
import dev.cachegen.runtime.shared.KeySpace;
import dev.cachegen.runtime.shared.SharedTier;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * One named cache across both tiers: the implementation of the {@link Cache} contract that
 * generated decorators call. It orchestrates; each concern lives in its own class:
 *
 * <ul>
 *   <li>{@link LocalTier}: the in-process entries, their expiry and the shared-key index;
 *   <li>{@link Generation}: whether an entry is still current (cache generation, tag versions);
 *   <li>{@link FreshnessPolicy}: expiry, stale windows and early refresh (XFetch);
 *   <li>{@link TierLoader}: a miss answered from Redis, another JVM's load, or the delegate;
 *   <li>{@link StampedeLock}: one load per key across JVMs;
 *   <li>{@link BackgroundRefresh}: reloads while callers keep the current value;
 *   <li>{@link BulkRead}: bulk methods, per key, in a few round trips;
 *   <li>{@link SharedEntries} and {@link EntryFormat}: the entries' bytes in Redis, in the format
 *       and compression of {@link EntryCodec}.
 * </ul>
 *
 * <p>What stays here: single flight (concurrent misses of one key in this JVM share one load),
 * writes and evictions, and the events of other runtimes ({@link Coherence.Listener}). Writes
 * ({@link #put}), evictions ({@link #invalidate}, {@link #invalidateAll}) and tag invalidations
 * reach the in-process tier of every other runtime with the same key prefix through Redis pub/sub;
 * a load that overlaps such a write in this runtime never stores its older value.
 *
 * @param <V> the type of the cached values
 */
public final class TieredCache<V> implements Cache<V>, Coherence.Listener {
  private static final String[] NO_TAGS = new String[0];
  private static final long[] NO_VERSIONS = new long[0];

  private final CacheContext<V> context;
  private final CacheCounters counters = new CacheCounters();
  private final String namespace;
  private final LocalTier<V> local;
  private final Generation generation;
  private final FreshnessPolicy freshness;
  private final SharedEntries<V> entries;
  private final StampedeLock<V> lock;
  private final BackgroundRefresh<V> refresh;
  private final TierLoader<V> loader;
  private final BulkRead<V> bulk;
  private final KeyInspector<V> inspector;
  private final LoadWaits waits;

  /** Whether L1 hits and misses are counted: the one counter on the hit path. */
  private final boolean recordLocalStats;

  private final ConcurrentHashMap<Object, CompletableFuture<CacheEntry<V>>> inFlight =
      new ConcurrentHashMap<>();

  public TieredCache(
      CacheDefinition<V> definition,
      SharedTier shared,
      Coherence coherence,
      EntryCodec<V> codec,
      KeySpace keys,
      Clock clock,
      LongSupplier nanoTime,
      Ticker ticker,
      Executor executor,
      long localMaximumSize,
      int maxValueBytes,
      StampedeSettings stampede,
      boolean recordLocalStats) {
    this.context =
        new CacheContext<>(
            definition,
            counters,
            shared,
            coherence,
            codec,
            keys,
            clock,
            nanoTime,
            executor,
            stampede,
            maxValueBytes);
    this.recordLocalStats = recordLocalStats;
    this.namespace = keys.entryNamespace(definition.name(), definition.shape());
    this.freshness = new FreshnessPolicy(definition, stampede.random, shared.isPresent());
    this.local =
        new LocalTier<>(
            definition, freshness, clock, ticker, executor, localMaximumSize, shared.isPresent());
    this.generation = new Generation(definition.name(), coherence, shared.isPresent());
    this.entries = new SharedEntries<>(context, freshness);
    this.lock = new StampedeLock<>(context, entries, freshness);
    boolean lockAcrossJvms = definition.stampede() == StampedePolicy.LOCK && shared.isPresent();
    this.refresh = new BackgroundRefresh<>(context, local, generation, lock, lockAcrossJvms);
    this.loader =
        new TierLoader<>(
            context, local, generation, freshness, entries, lock, refresh, lockAcrossJvms);
    this.refresh.loader(loader);
    this.bulk = new BulkRead<>(context, local, generation, freshness, entries, this::getIfPresent);
    this.inspector = new KeyInspector<>(context, local, generation, this::current);
    this.waits = new LoadWaits(definition().name(), context.stampede().loadTimeoutNanos);
  }

  @Override
  public CacheDefinition<V> definition() {
    return context.definition();
  }

  @Override
  public CacheEntry<V> getIfPresent(Object localKey) {
    CacheEntry<V> entry = current(localKey);
    if (recordLocalStats) {
      if (entry != null) {
        counters.localHits.increment();
      } else {
        counters.localMisses.increment();
      }
    }
    return entry;
  }

  @Override
  public boolean refreshDue(CacheEntry<V> entry) {
    return freshness.checked() && freshness.refreshDue(entry, context.clock().millis());
  }

  @Override
  public SharedKeyBuilder sharedKey() {
    return new SharedKeyBuilder(namespace, KeySpace.ENTRY_END);
  }

  @Override
  public V get(Object localKey, String sharedKey, CacheEntry<V> found, Loader<V> loader) {
    return get(localKey, sharedKey, NO_TAGS, found, loader);
  }

  @Override
  public V get(
      Object localKey, String sharedKey, String[] tags, CacheEntry<V> found, Loader<V> delegate) {
    Start<V> start =
        start(localKey, sharedKey, tags, found, BackgroundRefresh.onExecutor(delegate));
    if (start.answer() != null) {
      return start.answer().value();
    }
    try {
      if (definition().stampede() == StampedePolicy.NONE) {
        return loader.load(localKey, sharedKey, tags, delegate, start.fallback()).value();
      }
    } catch (Throwable failure) {
      throw Sneaky.rethrow(failure);
    }
    CompletableFuture<CacheEntry<V>> ours = new CompletableFuture<>();
    CompletableFuture<CacheEntry<V>> theirs = inFlight.putIfAbsent(localKey, ours);
    if (theirs != null) {
      return waits.await(theirs, sharedKey).value();
    }
    try {
      // A load may have finished between this caller's miss and its claim of the key.
      CacheEntry<V> entry = usable(localKey);
      if (entry == null) {
        entry = loader.load(localKey, sharedKey, tags, delegate, start.fallback());
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

  @Override
  public CompletableFuture<V> getAsync(
      Object localKey, String sharedKey, CacheEntry<V> found, AsyncLoader<V> loader) {
    return getAsync(localKey, sharedKey, NO_TAGS, found, loader);
  }

  @Override
  public CompletableFuture<V> getAsync(
      Object localKey,
      String sharedKey,
      String[] tags,
      CacheEntry<V> found,
      AsyncLoader<V> delegate) {
    Start<V> start = start(localKey, sharedKey, tags, found, delegate);
    if (start.answer() != null) {
      return CompletableFuture.completedFuture(start.answer().value());
    }
    if (definition().stampede() == StampedePolicy.NONE) {
      return waits.bounded(
          LoadWaits.valueOf(
              loader.loadAsync(localKey, sharedKey, tags, delegate, start.fallback())),
          sharedKey);
    }
    CompletableFuture<CacheEntry<V>> ours = new CompletableFuture<>();
    CompletableFuture<CacheEntry<V>> theirs = inFlight.putIfAbsent(localKey, ours);
    if (theirs != null) {
      return waits.bounded(LoadWaits.valueOf(theirs), sharedKey);
    }
    CacheEntry<V> entry = usable(localKey);
    CompletableFuture<CacheEntry<V>> load =
        entry != null
            ? CompletableFuture.completedFuture(entry)
            : loader.loadAsync(localKey, sharedKey, tags, delegate, start.fallback());
    load.whenComplete(
        (loaded, failure) -> {
          inFlight.remove(localKey, ours);
          if (failure != null) {
            ours.completeExceptionally(Sneaky.unwrap(failure));
          } else {
            ours.complete(loaded);
          }
        });
    return waits.bounded(LoadWaits.valueOf(ours), sharedKey);
  }

  @Override
  public void put(Object localKey, String sharedKey, V value) {
    put(localKey, sharedKey, NO_TAGS, value);
  }

  @Override
  public void put(Object localKey, String sharedKey, String[] tags, V value) {
    if (value == null && !definition().cacheNulls()) {
      invalidate(localKey, sharedKey);
      return;
    }
    // Loads that started before this write must not store their older value afterwards.
    local.invalidated();
    long[] versions = tags.length == 0 ? NO_VERSIONS : loader.versions(tags);
    CacheEntry<V> entry =
        freshness.entry(
            value, context.clock().millis(), 0, generation.forLoad(), tags, versions, sharedKey);
    if (entry.expiresAtMillis() <= entry.storedAtMillis()) {
      invalidate(localKey, sharedKey); // its ttlFrom says it has already expired
      return;
    }
    local.put(localKey, entry);
    counters.puts.increment();
    if (context.hasSharedTier() && !entries.write(entry, true)) {
      // Redis may still hold the value this write replaced: owed until it takes the eviction.
      context.coherence().owe(definition().name(), sharedKey);
    }
    context.coherence().keyChanged(definition().name(), sharedKey);
  }

  @Override
  public void invalidate(Object localKey, String sharedKey) {
    local.invalidated();
    local.remove(localKey);
    evictShared(sharedKey);
  }

  /**
   * What both tiers hold for the key written {@code keyText}, the text that follows the cache's
   * namespace in Redis (such as {@code user:[42]}); for {@code CacheRuntime.inspect}.
   *
   * @throws IllegalArgumentException if {@code keyText} is not a key in that form
   */
  public KeyInspection inspect(String keyText) {
    return inspector.inspect(KeyText.sharedKey(namespace, definition().name(), keyText));
  }

  /**
   * Removes the key written {@code keyText} (see {@link #inspect}) from both tiers, here and in the
   * in-process tier of every other runtime; for {@code CacheRuntime.evict}.
   */
  public void evict(String keyText) {
    String sharedKey = KeyText.sharedKey(namespace, definition().name(), keyText);
    local.invalidated();
    local.removeShared(sharedKey);
    evictShared(sharedKey);
  }

  private void evictShared(String sharedKey) {
    counters.evictions.increment();
    entries.delete(sharedKey);
    context.coherence().keyChanged(definition().name(), sharedKey);
  }

  @Override
  public void invalidateAll() {
    local.invalidated();
    generation.advance();
    local.clear();
    counters.evictions.increment();
  }

  @Override
  public <K> Map<K, V> getAll(
      Collection<K> keys,
      Function<? super K, Object> localKey,
      Function<? super K, String> sharedKey,
      BulkLoader<K, V> loader) {
    return bulk.getAll(keys, localKey, sharedKey, loader);
  }

  @Override
  public CacheStats stats() {
    return counters.snapshot(definition().name(), local.estimatedSize());
  }

  // ---- events from other runtimes ---------------------------------------------------------

  @Override
  public void evictLocally(String sharedKey) {
    local.invalidated();
    local.removeShared(sharedKey);
  }

  @Override
  public void generationAdvanced(long newGeneration) {
    local.invalidated();
    generation.advancedElsewhere(newGeneration);
    local.clear();
  }

  @Override
  public void generationRead(long current) {
    if (generation.moved(current)) {
      local.invalidated();
      local.clear();
    }
  }

  @Override
  public void dropLocalTier() {
    local.invalidated();
    generation.forget();
    local.clear();
  }

  @Override
  public void lockReleasedElsewhere(String sharedKey) {
    lock.releasedElsewhere(sharedKey);
  }

  // ---- for tests in other packages --------------------------------------------------------

  /** The Redis key of {@code sharedKey}'s stampede lock. */
  public String lockKey(String sharedKey) {
    return lock.lockKey(sharedKey);
  }

  /** Whether a background refresh of {@code localKey} runs or holds off. */
  public boolean refreshing(Object localKey) {
    return refresh.running(localKey);
  }

  /** How many shared keys the in-process index maps; for tests in this package. */
  int sharedKeyIndexSize() {
    return local.indexSize();
  }

  /** Runs Caffeine's pending maintenance (evictions); for tests in this package. */
  void cleanUp() {
    local.cleanUp();
  }

  // ---- internals --------------------------------------------------------------------------

  /**
   * How a call that missed, or found an entry due, starts: answered at once by {@code found}
   * (picked for early refresh, or stale within stale-while-revalidate; its reload starts in the
   * background), or on to a load, with {@code found} as the fallback if it is within
   * stale-if-error. The same decision for {@link #get} and {@link #getAsync}.
   */
  private Start<V> start(
      Object localKey,
      String sharedKey,
      String[] tags,
      CacheEntry<V> found,
      AsyncLoader<V> delegate) {
    if (!freshness.checked() || found == null) {
      return Start.load(null);
    }
    switch (freshness.of(found, context.clock().millis())) {
      case FRESH:
        // A fresh entry handed over by the caller is one its refreshDue picked for early refresh.
        refresh.later(localKey, sharedKey, tags, found, delegate);
        return Start.answer(found);
      case REVALIDATE:
        counters.staleServed.increment();
        refresh.later(localKey, sharedKey, tags, found, delegate);
        return Start.answer(found);
      case IF_ERROR:
        return Start.load(found);
      default:
        local.remove(localKey, found);
        return Start.load(null);
    }
  }

  /** The answer at once, or the stale fallback of the load to come. */
  private record Start<V>(CacheEntry<V> answer, CacheEntry<V> fallback) {
    /** The plain miss, shared: a miss without a found entry allocates no decision. */
    private static final Start<?> LOAD = new Start<>(null, null);

    static <V> Start<V> answer(CacheEntry<V> entry) {
      return new Start<>(entry, null);
    }

    @SuppressWarnings("unchecked")
    static <V> Start<V> load(CacheEntry<V> fallback) {
      return fallback == null ? (Start<V>) LOAD : new Start<>(null, fallback);
    }
  }

  /** The in-process entry if it is current (not invalidated), else {@code null}; uncounted. */
  private CacheEntry<V> current(Object localKey) {
    CacheEntry<V> entry = local.get(localKey);
    if (entry != null && !generation.isCurrent(entry)) {
      local.remove(localKey, entry);
      return null;
    }
    return entry;
  }

  /** The in-process entry if it answers a call as it is: current and, where checked, fresh. */
  private CacheEntry<V> usable(Object localKey) {
    CacheEntry<V> entry = current(localKey);
    if (entry != null
        && freshness.checked()
        && freshness.of(entry, context.clock().millis()) != Freshness.FRESH) {
      return null;
    }
    return entry;
  }
}
