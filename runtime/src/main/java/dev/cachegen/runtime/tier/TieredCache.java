package dev.cachegen.runtime.tier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.cachegen.annotations.StampedePolicy;
import dev.cachegen.runtime.CacheStats;
import dev.cachegen.runtime.Codec;
import dev.cachegen.runtime.StampedeTimeoutException;
import dev.cachegen.runtime.StampedeTimeoutPolicy;
import dev.cachegen.runtime.internal.AsyncLoader;
import dev.cachegen.runtime.internal.BulkLoader;
import dev.cachegen.runtime.internal.CacheDefinition;
import dev.cachegen.runtime.internal.CacheEntry;
import dev.cachegen.runtime.internal.Loader;
import dev.cachegen.runtime.internal.SharedKeyBuilder;
import dev.cachegen.runtime.internal.Sneaky;
import dev.cachegen.runtime.shared.Coherence;
import dev.cachegen.runtime.shared.KeySpace;
import dev.cachegen.runtime.shared.SharedTier;
import dev.cachegen.runtime.shared.SharedTierException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
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
 * lookup and nothing else: no lambda, no shared key string. For a cache that {@linkplain
 * CacheDefinition#checksFreshness() checks freshness} (early refresh or a stale window) the hit
 * also asks {@link #refreshDue}, and a due entry goes to {@code get}, which answers with it at once
 * and reloads it in the background:
 *
 * <pre>{@code
 * if (cached != null && !find.refreshDue(cached)) {
 *   return cached.value();
 * }
 * }</pre>
 *
 * <p><b>Stampedes.</b> With {@link StampedePolicy#LOCK} concurrent misses of one key in this JVM
 * share one load (single flight), and with Redis the JVMs share one load too: the caller that leads
 * this JVM's flight takes a lock in Redis ({@code SET NX PX} with a random token, released by
 * compare-and-delete) and loads; the other JVMs wait until the owner announces the value (pub/sub)
 * or their polling finds it, for at most {@link CacheRuntime.Builder#stampedeWait}. A crashed
 * owner's lock ends with its lease. When Redis fails, callers load (fail open).
 *
 * <p>Writes ({@link #put}), evictions ({@link #invalidate}, {@link #invalidateAll}) and tag
 * invalidations ({@link CacheRuntime#invalidateTags}) reach the in-process tier of every other
 * runtime with the same key prefix through Redis pub/sub. A load or a refresh that overlaps such a
 * write never stores its older value in the in-process tier, and never replaces a newer value in
 * Redis.
 *
 * @param <V> the type of the cached values
 */
public final class TieredCache<V>
    implements dev.cachegen.runtime.internal.Cache<V>, Coherence.Listener {
  private static final Logger log = LoggerFactory.getLogger(TieredCache.class);
  private static final String[] NO_TAGS = new String[0];
  private static final long[] NO_VERSIONS = new long[0];

  /** First and longest pause between two looks at Redis while another JVM loads. */
  private static final long FIRST_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

  private static final long LONGEST_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  /** The shortest pause before a JVM that found the refresh lock taken tries again. */
  private static final long REFRESH_HOLD_OFF_MILLIS = 20;

  private final CacheDefinition<V> definition;
  private final Cache<Object, CacheEntry<V>> local;
  private final SharedTier shared;
  private final Coherence coherence;
  private final Codec.TypedCodec<V> codec;
  private final String namespace;
  private final KeySpace keys;
  private final Clock clock;
  private final LongSupplier nanoTime;
  private final Executor executor;
  private final long ttlMillis;
  private final StampedeSettings stampede;
  private final boolean lockAcrossJvms;
  private final boolean checksFreshness;
  private final double beta;
  private final long staleWhileRevalidateMillis;
  private final long staleIfErrorMillis;
  private final long staleMillis;
  private final CacheCounters counters = new CacheCounters();

  /** Whether L1 hits and misses are counted: the one counter on the hit path. */
  private final boolean recordLocalStats;

  /** Whether there is no in-process tier at all ({@code localMaximumSize(0)}). */
  private final boolean localDisabled;

  private final ConcurrentHashMap<Object, CompletableFuture<CacheEntry<V>>> inFlight =
      new ConcurrentHashMap<>();

  /** Keys with a background refresh running (or holding off), one per key in this JVM. */
  private final Set<Object> refreshing = ConcurrentHashMap.newKeySet();

  /** Shared keys this JVM waits for another JVM to load; released when it announces the value. */
  private final Map<String, Semaphore> lockWaiters = new ConcurrentHashMap<>();

  /** Lock tokens: unique per attempt, so that only the owner's compare-and-delete matches. */
  private final String tokenPrefix = UUID.randomUUID() + ":";

  private final AtomicLong tokens = new AtomicLong();

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

  public TieredCache(
      CacheDefinition<V> definition,
      SharedTier shared,
      Coherence coherence,
      Codec.TypedCodec<V> codec,
      KeySpace keys,
      Clock clock,
      LongSupplier nanoTime,
      Ticker ticker,
      Executor executor,
      long localMaximumSize,
      StampedeSettings stampede,
      boolean recordLocalStats) {
    this.recordLocalStats = recordLocalStats;
    this.localDisabled = localMaximumSize == 0;
    this.definition = definition;
    this.shared = shared;
    this.coherence = coherence;
    this.codec = codec;
    this.keys = keys;
    this.namespace = keys.entryNamespace(definition.name(), definition.shape());
    this.clock = clock;
    this.nanoTime = nanoTime;
    this.executor = executor;
    this.ttlMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(definition.ttlNanos()));
    this.stampede = stampede;
    this.lockAcrossJvms = definition.stampede() == StampedePolicy.LOCK && shared.isPresent();
    this.checksFreshness = definition.checksFreshness();
    this.beta = definition.earlyRefresh();
    this.staleWhileRevalidateMillis =
        TimeUnit.NANOSECONDS.toMillis(definition.staleWhileRevalidateNanos());
    this.staleIfErrorMillis = TimeUnit.NANOSECONDS.toMillis(definition.staleIfErrorNanos());
    this.staleMillis = Math.max(staleWhileRevalidateMillis, staleIfErrorMillis);
    this.generation = shared.isPresent() ? CacheEntry.UNKNOWN_GENERATION : 0;
    Caffeine<Object, CacheEntry<V>> builder =
        Caffeine.newBuilder()
            .maximumSize(localMaximumSize)
            .ticker(ticker)
            .executor(executor)
            .<Object, CacheEntry<V>>evictionListener(
                (Object key, CacheEntry<V> entry, RemovalCause cause) -> {
                  if (key != null && entry != null) {
                    localKeys.remove(entry.sharedKey(), key);
                  }
                });
    if (definition.sliding()) {
      builder.expireAfterAccess(definition.localTtlNanos(), TimeUnit.NANOSECONDS);
    } else if (checksFreshness) {
      // Early refresh and stale windows need each entry to live exactly to its own expiry.
      builder = builder.expireAfter(new LocalExpiry());
    } else {
      // A fixed local ttl: Caffeine's fastest expiry, measurably cheaper per hit than a
      // per-entry Expiry. An entry read from Redis late in its life may stay here up to
      // localTtl past its Redis expiry, the same bound localTtl puts on staleness anyway.
      builder.expireAfterWrite(definition.localTtlNanos(), TimeUnit.NANOSECONDS);
    }
    this.local = builder.build();
  }

  /** The definition this cache was created from. */
  @Override
  public CacheDefinition<V> definition() {
    return definition;
  }

  /**
   * The entry for {@code localKey} in the in-process tier, or {@code null}. Counts a local hit or
   * miss. Never touches the shared tier. An entry whose cache or tags were invalidated since it was
   * loaded is dropped and reads as a miss. In a cache with stale windows the entry may be stale:
   * ask {@link #refreshDue} before using it.
   */
  @Override
  public CacheEntry<V> getIfPresent(Object localKey) {
    CacheEntry<V> entry = local.getIfPresent(localKey);
    if (entry != null && !isCurrent(entry)) {
      removeLocal(localKey, entry);
      entry = null;
    }
    if (recordLocalStats) {
      if (entry != null) {
        counters.localHits.increment();
      } else {
        counters.localMisses.increment();
      }
    }
    return entry;
  }

  /**
   * Whether an entry found by {@link #getIfPresent} must not simply be returned: it is past its
   * expiry (within a stale window), or early refresh (XFetch) picked it for a reload. Then the
   * caller goes on to {@link #get}, which still answers at once with the entry where the cache's
   * policy allows, and reloads it in the background. Always {@code false} for caches that do not
   * {@linkplain CacheDefinition#checksFreshness() check freshness}.
   *
   * <p>The XFetch rule (Vattani, Chierichetti and Lowenstein, VLDB 2015): with {@code delta} the
   * duration of the load that produced the entry and {@code beta} the cache's {@code earlyRefresh},
   * the entry is due once {@code now - delta * beta * ln(random()) >= expiry}, for a random number
   * in (0, 1]. The closer the expiry and the slower the load, the likelier a reload, so that across
   * many callers one reload starts shortly before the entry would expire.
   */
  @Override
  public boolean refreshDue(CacheEntry<V> entry) {
    if (!checksFreshness) {
      return false;
    }
    long now = clock.millis();
    if (now >= entry.expiresAtMillis()) {
      return true;
    }
    return earlyRefreshDue(entry, now);
  }

  /** A builder for the shared key of one call, already holding prefix, name and shape. */
  @Override
  public SharedKeyBuilder sharedKey() {
    return new SharedKeyBuilder(namespace);
  }

  /**
   * The value for a key that missed the in-process tier, or whose entry {@link #refreshDue} found
   * due: from the shared tier if it has it, else from {@code loader}, then stored in both tiers.
   *
   * <ul>
   *   <li>With {@link StampedePolicy#LOCK}, concurrent callers of one key in this JVM share one
   *       load, and with Redis one JVM loads while the others wait for its value.
   *   <li>An entry due for early refresh, or stale within the stale-while-revalidate window, is
   *       returned at once while one background load per key replaces it.
   *   <li>An entry stale within the stale-if-error window is reloaded now; if {@code loader} throws
   *       an {@link Exception}, the stale value is returned instead.
   * </ul>
   *
   * <p>Otherwise whatever {@code loader} throws reaches the caller unchanged and is not cached.
   *
   * @param localKey the key built by {@link Keys}
   * @param sharedKey the key built by {@link #sharedKey()}, for the same values
   * @param loader calls the delegate
   * @throws StampedeTimeoutException when another JVM's load was waited for in vain under {@link
   *     StampedeTimeoutPolicy#FAIL}
   */
  @Override
  public V get(Object localKey, String sharedKey, CacheEntry<V> found, Loader<V> loader) {
    return get(localKey, sharedKey, NO_TAGS, found, loader);
  }

  /**
   * {@link #get(Object, String, Loader)} for an entry that carries {@code tags} (built with {@link
   * Tags#builder()}); {@link CacheRuntime#invalidateTags} of any of them drops it everywhere.
   */
  @Override
  public V get(
      Object localKey, String sharedKey, String[] tags, CacheEntry<V> found, Loader<V> loader) {
    CacheEntry<V> fallback = null;
    if (checksFreshness) {
      CacheEntry<V> present = found;
      if (present != null) {
        long now = clock.millis();
        Freshness freshness = freshness(present, now);
        if (answeredAtOnce(localKey, sharedKey, tags, present, freshness, onExecutor(loader))) {
          return present.value();
        }
        fallback = staleIfError(localKey, present, freshness);
      }
    }
    try {
      if (definition.stampede() == StampedePolicy.NONE) {
        return loadThroughTiers(localKey, sharedKey, tags, loader, fallback).value();
      }
    } catch (Throwable failure) {
      throw Sneaky.rethrow(failure);
    }
    CompletableFuture<CacheEntry<V>> ours = new CompletableFuture<>();
    CompletableFuture<CacheEntry<V>> theirs = inFlight.putIfAbsent(localKey, ours);
    if (theirs != null) {
      return await(theirs).value();
    }
    try {
      // A load may have finished between this caller's miss and its claim of the key.
      CacheEntry<V> entry = usableLocal(localKey);
      if (entry == null) {
        entry = loadThroughTiers(localKey, sharedKey, tags, loader, fallback);
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
   * no caller can cancel or complete another's. Early refresh and stale windows behave as in {@link
   * #get}; waiting for another JVM's load happens on the runtime's executor.
   */
  @Override
  public CompletableFuture<V> getAsync(
      Object localKey, String sharedKey, CacheEntry<V> found, AsyncLoader<V> loader) {
    return getAsync(localKey, sharedKey, NO_TAGS, found, loader);
  }

  /** {@link #getAsync(Object, String, AsyncLoader)} for an entry that carries {@code tags}. */
  @Override
  public CompletableFuture<V> getAsync(
      Object localKey,
      String sharedKey,
      String[] tags,
      CacheEntry<V> found,
      AsyncLoader<V> loader) {
    CacheEntry<V> fallback = null;
    if (checksFreshness) {
      CacheEntry<V> present = found;
      if (present != null) {
        long now = clock.millis();
        Freshness freshness = freshness(present, now);
        if (answeredAtOnce(localKey, sharedKey, tags, present, freshness, loader)) {
          return CompletableFuture.completedFuture(present.value());
        }
        fallback = staleIfError(localKey, present, freshness);
      }
    }
    if (definition.stampede() == StampedePolicy.NONE) {
      return loadThroughTiersAsync(localKey, sharedKey, tags, loader, fallback)
          .thenApply(CacheEntry::value);
    }
    CompletableFuture<CacheEntry<V>> ours = new CompletableFuture<>();
    CompletableFuture<CacheEntry<V>> theirs = inFlight.putIfAbsent(localKey, ours);
    if (theirs != null) {
      return valueOf(theirs);
    }
    CacheEntry<V> entry = usableLocal(localKey);
    CompletableFuture<CacheEntry<V>> load =
        entry != null
            ? CompletableFuture.completedFuture(entry)
            : loadThroughTiersAsync(localKey, sharedKey, tags, loader, fallback);
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
  @Override
  public void put(Object localKey, String sharedKey, V value) {
    put(localKey, sharedKey, NO_TAGS, value);
  }

  /** {@link #put(Object, String, Object)} for an entry that carries {@code tags}. */
  @Override
  public void put(Object localKey, String sharedKey, String[] tags, V value) {
    if (value == null && !definition.cacheNulls()) {
      invalidate(localKey, sharedKey);
      return;
    }
    // Loads that started before this write must not store their older value afterwards.
    invalidations.incrementAndGet();
    long currentGeneration = currentGeneration();
    long[] versions = tags.length == 0 ? NO_VERSIONS : coherence.currentVersions(tags);
    long now = clock.millis();
    CacheEntry<V> entry =
        new CacheEntry<>(
            value, now, expiresAt(now), 0, currentGeneration, tags, versions, sharedKey);
    putLocal(localKey, entry);
    counters.puts.increment();
    writeShared(entry, true);
    coherence.keyChanged(definition.name(), sharedKey);
  }

  /** Removes the key from both tiers, here and in the in-process tier of every other runtime. */
  @Override
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
  @Override
  public void invalidateAll() {
    invalidations.incrementAndGet();
    generation = coherence.advanceGeneration(definition.name(), generation);
    local.invalidateAll();
    localKeys.clear();
    counters.evictions.increment();
  }

  /**
   * The values of many keys, for bulk methods ({@code Map<K, V> findAll(Collection<K> ids)}): one
   * in-process lookup per key, then one multi-get to Redis for the keys the in-process tier lacks
   * (one pipelined round trip per node on a cluster), then one call of {@code loader} with only the
   * keys still missing (none when every key was cached), and the loaded values stored per key,
   * again in one round trip. Keys the loader does not return are cached as {@code null} when the
   * cache caches nulls, else not cached. The result holds the keys with non-null values, in the
   * order of {@code keys}. Whatever {@code loader} throws reaches the caller unchanged.
   *
   * <p>Bulk reads do not take the stampede lock, and entries due for early refresh or stale within
   * a stale window are reloaded with the missing keys.
   *
   * @param keys the keys asked for; duplicates are loaded once
   * @param localKey the in-process key of one key, as {@link Keys} builds it
   * @param sharedKey the shared key of one key, as {@link #sharedKey()} builds it
   * @param loader calls the delegate's bulk method
   */
  @Override
  public <K> Map<K, V> getAll(
      Collection<K> keys,
      Function<? super K, Object> localKey,
      Function<? super K, String> sharedKey,
      BulkLoader<K, V> loader) {
    long sequence = invalidations.get();
    // In the order of keys, so that when every key hits (the common case) this is the answer.
    Map<K, V> found = new LinkedHashMap<>(Math.max(16, keys.size() * 4 / 3 + 1));
    Map<K, Object> missed = null; // key -> its local key, in the order of keys
    for (K key : keys) {
      if (found.containsKey(key) || (missed != null && missed.containsKey(key))) {
        continue; // a duplicate
      }
      Object local = localKey.apply(key);
      CacheEntry<V> entry = getIfPresent(local);
      if (entry != null && (!checksFreshness || !refreshDue(entry))) {
        if (entry.value() != null) {
          found.put(key, entry.value());
        }
      } else {
        if (missed == null) {
          missed = new LinkedHashMap<>();
        }
        missed.put(key, local);
      }
    }
    if (missed == null) {
      return found;
    }
    List<K> missedLocally = new ArrayList<>(missed.keySet());
    List<Object> missedLocalKeys = new ArrayList<>(missed.values());

    long loadGeneration = currentGeneration();
    List<String> sharedKeys = new ArrayList<>(missedLocally.size());
    for (K key : missedLocally) {
      sharedKeys.add(sharedKey.apply(key));
    }
    List<byte[]> stored = readSharedAll(sharedKeys);
    List<K> missing = new ArrayList<>();
    List<Integer> missingIndexes = new ArrayList<>();
    boolean[] replace = new boolean[missedLocally.size()];
    for (int i = 0; i < missedLocally.size(); i++) {
      SharedRead<V> read = decodeShared(sharedKeys.get(i), stored.get(i), loadGeneration, true);
      if (read.entry != null
          && (!checksFreshness || freshness(read.entry, clock.millis()) == Freshness.FRESH)) {
        putLocalIfUnchanged(sequence, missedLocalKeys.get(i), read.entry);
        if (read.entry.value() != null) {
          found.put(missedLocally.get(i), read.entry.value());
        }
      } else {
        replace[i] = read.replace || read.entry != null;
        missing.add(missedLocally.get(i));
        missingIndexes.add(i);
      }
    }
    if (missing.isEmpty()) {
      return inOrder(keys, found);
    }

    long start = nanoTime.getAsLong();
    Map<K, V> loaded;
    try {
      loaded = loader.loadAll(Collections.unmodifiableList(missing));
    } catch (Exception failure) {
      counters.loadFailures.increment();
      counters.loadNanos.add(nanoTime.getAsLong() - start);
      throw Sneaky.rethrow(failure);
    }
    long loadNanos = nanoTime.getAsLong() - start;
    counters.loads.increment();
    counters.loadNanos.add(loadNanos);
    long now = clock.millis();
    List<CacheEntry<V>> toStore = new ArrayList<>(missing.size());
    List<Boolean> toReplace = new ArrayList<>(missing.size());
    for (int j = 0; j < missing.size(); j++) {
      K key = missing.get(j);
      int i = missingIndexes.get(j);
      V value = loaded == null ? null : loaded.get(key);
      if (value != null) {
        found.put(key, value);
      }
      if (value == null && !definition.cacheNulls()) {
        continue;
      }
      CacheEntry<V> entry =
          new CacheEntry<>(
              value,
              now,
              expiresAt(now),
              loadNanos,
              loadGeneration,
              NO_TAGS,
              NO_VERSIONS,
              sharedKeys.get(i));
      putLocalIfUnchanged(sequence, missedLocalKeys.get(i), entry);
      toStore.add(entry);
      toReplace.add(replace[i]);
    }
    writeSharedAll(toStore, toReplace);
    return inOrder(keys, found);
  }

  private static <K, V> Map<K, V> inOrder(Collection<K> keys, Map<K, V> found) {
    Map<K, V> ordered = new LinkedHashMap<>();
    for (K key : keys) {
      V value = found.get(key);
      if (value != null) {
        ordered.put(key, value);
      }
    }
    return ordered;
  }

  /** The bytes under each key, {@code null} where absent or when Redis fails (fail open). */
  private List<byte[]> readSharedAll(List<String> sharedKeys) {
    if (shared.isPresent()) {
      try {
        return shared.getAll(sharedKeys);
      } catch (SharedTierException e) {
        counters.sharedErrors.increment();
      }
    }
    return new ArrayList<>(Collections.nCopies(sharedKeys.size(), (byte[]) null));
  }

  /** Like {@link #writeShared} for many entries, in one pipelined round trip. */
  private void writeSharedAll(List<CacheEntry<V>> entries, List<Boolean> replace) {
    if (!shared.isPresent() || entries.isEmpty()) {
      return;
    }
    List<String> keys = new ArrayList<>();
    List<byte[]> values = new ArrayList<>();
    long[] ttls = new long[entries.size()];
    boolean[] ifAbsent = new boolean[entries.size()];
    long now = clock.millis();
    for (int i = 0; i < entries.size(); i++) {
      CacheEntry<V> entry = entries.get(i);
      if (entry.generation() == CacheEntry.UNKNOWN_GENERATION) {
        continue;
      }
      long ttl = entry.expiresAtMillis() - now + staleMillis;
      if (ttl <= 0) {
        continue;
      }
      try {
        values.add(EntryFormat.encode(entry, codec));
      } catch (Exception e) {
        counters.sharedErrors.increment();
        continue;
      }
      ttls[keys.size()] = ttl;
      ifAbsent[keys.size()] = !replace.get(i);
      keys.add(entry.sharedKey());
    }
    try {
      shared.setAll(
          keys,
          values,
          java.util.Arrays.copyOf(ttls, keys.size()),
          java.util.Arrays.copyOf(ifAbsent, keys.size()));
    } catch (SharedTierException e) {
      counters.sharedErrors.increment();
    }
  }

  /** Statistics of this cache since the runtime started. */
  @Override
  public CacheStats stats() {
    return counters.snapshot(definition.name(), local.estimatedSize());
  }

  // ---- events from other runtimes ---------------------------------------------------------

  /** Another runtime wrote or evicted {@code sharedKey}. */
  @Override
  public void evictLocally(String sharedKey) {
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
  @Override
  public void generationAdvanced(long newGeneration) {
    invalidations.incrementAndGet();
    long current = generation;
    generation = Math.max(current, newGeneration);
    local.invalidateAll();
    localKeys.clear();
  }

  /** Events may have been missed: forget everything local, read the generation again. */
  @Override
  public void dropLocalTier() {
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
    if (localDisabled) {
      return; // localMaximumSize(0): Caffeine would evict only later, on its maintenance thread
    }
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

  /** Another runtime released the stampede lock of {@code sharedKey}: wake whoever waits here. */
  @Override
  public void lockReleasedElsewhere(String sharedKey) {
    Semaphore waiter = lockWaiters.get(sharedKey);
    if (waiter != null) {
      waiter.release();
    }
  }

  // ---- freshness --------------------------------------------------------------------------

  /** Where an entry stands relative to its expiry and the cache's stale windows. */
  private enum Freshness {
    FRESH,
    /** Past expiry, within stale-while-revalidate: serve it, reload in the background. */
    REVALIDATE,
    /** Past expiry, within stale-if-error only: reload now, serve it if the reload fails. */
    IF_ERROR,
    EXPIRED
  }

  private Freshness freshness(CacheEntry<V> entry, long now) {
    long expiresAt = entry.expiresAtMillis();
    if (now < expiresAt) {
      return Freshness.FRESH;
    }
    long late = now - expiresAt;
    if (late < staleWhileRevalidateMillis) {
      return Freshness.REVALIDATE;
    }
    return late < staleIfErrorMillis ? Freshness.IF_ERROR : Freshness.EXPIRED;
  }

  /** The XFetch rule; see {@link #refreshDue}. */
  private boolean earlyRefreshDue(CacheEntry<V> entry, long now) {
    if (beta <= 0 || entry.loadNanos() <= 0) {
      return false;
    }
    double deltaMillis = entry.loadNanos() / 1e6;
    double random = stampede.random.getAsDouble();
    return now - deltaMillis * beta * Math.log(random) >= entry.expiresAtMillis();
  }

  /**
   * Whether {@code present} answers the call at once: fresh, or stale within the
   * stale-while-revalidate window. Starts its background refresh when that is due.
   */
  private boolean answeredAtOnce(
      Object localKey,
      String sharedKey,
      String[] tags,
      CacheEntry<V> present,
      Freshness freshness,
      AsyncLoader<V> loader) {
    switch (freshness) {
      case FRESH:
        // A fresh entry handed over by the caller is one its refreshDue picked for early refresh.
        refreshLater(localKey, sharedKey, tags, present, loader);
        return true;
      case REVALIDATE:
        counters.staleServed.increment();
        refreshLater(localKey, sharedKey, tags, present, loader);
        return true;
      default:
        return false;
    }
  }

  /** The fallback for a reload of {@code present}: itself within stale-if-error, else none. */
  private CacheEntry<V> staleIfError(Object localKey, CacheEntry<V> present, Freshness freshness) {
    if (freshness == Freshness.IF_ERROR) {
      return present;
    }
    removeLocal(localKey, present);
    return null;
  }

  /** The in-process entry if it is current (not invalidated), else {@code null}; uncounted. */
  private CacheEntry<V> currentLocal(Object localKey) {
    CacheEntry<V> entry = local.getIfPresent(localKey);
    if (entry != null && !isCurrent(entry)) {
      removeLocal(localKey, entry);
      return null;
    }
    return entry;
  }

  /** The in-process entry if it answers a call as it is: current and, where checked, fresh. */
  private CacheEntry<V> usableLocal(Object localKey) {
    CacheEntry<V> entry = currentLocal(localKey);
    if (entry != null && checksFreshness && freshness(entry, clock.millis()) != Freshness.FRESH) {
      return null;
    }
    return entry;
  }

  /** When an entry stored now stops being fresh: the ttl less the jitter. */
  private long expiresAt(long nowMillis) {
    return nowMillis + jittered(ttlMillis);
  }

  /**
   * How long the in-process tier keeps an entry: its local ttl, but never past the entry's expiry,
   * so that all JVMs let go of a value when Redis does; plus the stale windows when the expiry is
   * what ends it.
   */
  private long localLifeNanos(CacheEntry<V> entry) {
    long localTtlNanos = definition.localTtlNanos();
    long untilExpiryMillis = entry.expiresAtMillis() - clock.millis();
    if (untilExpiryMillis > TimeUnit.NANOSECONDS.toMillis(localTtlNanos)) {
      return localTtlNanos;
    }
    return Math.max(0, TimeUnit.MILLISECONDS.toNanos(untilExpiryMillis + staleMillis));
  }

  /** Per-entry expiry of the in-process tier, for caches without sliding expiry. */
  private final class LocalExpiry implements Expiry<Object, CacheEntry<V>> {
    @Override
    public long expireAfterCreate(Object key, CacheEntry<V> entry, long currentTime) {
      return localLifeNanos(entry);
    }

    @Override
    public long expireAfterUpdate(
        Object key, CacheEntry<V> entry, long currentTime, long currentDuration) {
      return localLifeNanos(entry);
    }

    @Override
    public long expireAfterRead(
        Object key, CacheEntry<V> entry, long currentTime, long currentDuration) {
      return currentDuration;
    }
  }

  // ---- loads ------------------------------------------------------------------------------

  private CacheEntry<V> loadThroughTiers(
      Object localKey, String sharedKey, String[] tags, Loader<V> loader, CacheEntry<V> fallback)
      throws Throwable {
    long sequence = invalidations.get();
    Plan<V> plan = plan(sharedKey, tags, fallback);
    if (plan.served != null) {
      putLocalIfUnchanged(sequence, localKey, plan.served);
      if (plan.refresh) {
        refreshLater(localKey, sharedKey, tags, plan.served, onExecutor(loader));
      }
      return plan.served;
    }
    if (plan.timedOut && stampede.timeoutPolicy == StampedeTimeoutPolicy.FAIL) {
      return timedOut(plan, sharedKey);
    }
    long start = nanoTime.getAsLong();
    V value;
    try {
      value = loader.load();
    } catch (Throwable failure) {
      counters.loadFailures.increment();
      counters.loadNanos.add(nanoTime.getAsLong() - start);
      release(plan, sharedKey);
      if (plan.fallback != null && failure instanceof Exception) {
        counters.staleOnError.increment();
        return plan.fallback;
      }
      throw failure;
    }
    try {
      CacheEntry<V> entry = loaded(value, start, plan.generation, tags, plan.versions, sharedKey);
      if (value != null || definition.cacheNulls()) {
        putLocalIfUnchanged(sequence, localKey, entry);
        writeShared(entry, plan.replace);
      }
      return entry;
    } finally {
      release(plan, sharedKey);
    }
  }

  private CompletableFuture<CacheEntry<V>> loadThroughTiersAsync(
      Object localKey,
      String sharedKey,
      String[] tags,
      AsyncLoader<V> loader,
      CacheEntry<V> fallback) {
    long sequence = invalidations.get();
    // Reading Redis, and waiting for another JVM's load, happen on the executor, not the caller.
    CompletableFuture<Plan<V>> planned =
        shared.isPresent()
            ? CompletableFuture.supplyAsync(() -> plan(sharedKey, tags, fallback), executor)
            : CompletableFuture.completedFuture(plan(sharedKey, tags, fallback));
    return planned.thenCompose(
        plan -> {
          if (plan.served != null) {
            putLocalIfUnchanged(sequence, localKey, plan.served);
            if (plan.refresh) {
              refreshLater(localKey, sharedKey, tags, plan.served, loader);
            }
            return CompletableFuture.completedFuture(plan.served);
          }
          if (plan.timedOut && stampede.timeoutPolicy == StampedeTimeoutPolicy.FAIL) {
            try {
              return CompletableFuture.completedFuture(timedOut(plan, sharedKey));
            } catch (StampedeTimeoutException e) {
              return CompletableFuture.failedFuture(e);
            }
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
            afterLoad(() -> release(plan, sharedKey));
            return failedOrStale(plan, failure);
          }
          return stage
              .toCompletableFuture()
              .handle(
                  (value, failure) -> {
                    if (failure != null) {
                      counters.loadFailures.increment();
                      counters.loadNanos.add(nanoTime.getAsLong() - start);
                      afterLoad(() -> release(plan, sharedKey));
                      Throwable cause = Sneaky.unwrap(failure);
                      if (plan.fallback != null && cause instanceof Exception) {
                        counters.staleOnError.increment();
                        return plan.fallback;
                      }
                      throw new CompletionException(cause);
                    }
                    CacheEntry<V> entry =
                        loaded(value, start, plan.generation, tags, plan.versions, sharedKey);
                    if (value != null || definition.cacheNulls()) {
                      putLocalIfUnchanged(sequence, localKey, entry);
                      afterLoad(
                          () -> {
                            try {
                              writeShared(entry, plan.replace);
                            } finally {
                              release(plan, sharedKey);
                            }
                          });
                    } else {
                      afterLoad(() -> release(plan, sharedKey));
                    }
                    return entry;
                  });
        });
  }

  private CompletableFuture<CacheEntry<V>> failedOrStale(Plan<V> plan, Throwable failure) {
    if (plan.fallback != null && failure instanceof Exception) {
      counters.staleOnError.increment();
      return CompletableFuture.completedFuture(plan.fallback);
    }
    return CompletableFuture.failedFuture(failure);
  }

  /** The answer of a caller whose wait ran out under {@link StampedeTimeoutPolicy#FAIL}. */
  private CacheEntry<V> timedOut(Plan<V> plan, String sharedKey) {
    if (plan.fallback != null) {
      counters.staleOnError.increment();
      return plan.fallback;
    }
    throw new StampedeTimeoutException(
        definition.name(), sharedKey, TimeUnit.NANOSECONDS.toMillis(stampede.waitNanos));
  }

  /**
   * Decides how a miss is answered: by the shared tier, by another JVM's load (waited for under the
   * stampede lock), or by a load of this caller's, holding the lock when there is one.
   */
  private Plan<V> plan(String sharedKey, String[] tags, CacheEntry<V> fallback) {
    long loadGeneration = currentGeneration();
    long[] versions = tags.length == 0 ? NO_VERSIONS : coherence.currentVersions(tags);
    SharedRead<V> read = readShared(sharedKey, loadGeneration, true);
    boolean replace = read.replace;
    if (read.entry != null) {
      long now = clock.millis();
      // Without stale windows Redis drops entries at expiry by itself: whatever it has is fresh.
      Freshness freshness = checksFreshness ? freshness(read.entry, now) : Freshness.FRESH;
      switch (freshness) {
        case FRESH:
          return Plan.serve(read.entry, earlyRefreshDue(read.entry, now));
        case REVALIDATE:
          counters.staleServed.increment();
          return Plan.serve(read.entry, true);
        case IF_ERROR:
          if (fallback == null || read.entry.expiresAtMillis() > fallback.expiresAtMillis()) {
            fallback = read.entry;
          }
          replace = true; // the stale entry is still in Redis: only an overwrite replaces it
          break;
        default:
          replace = true;
      }
    }
    if (!lockAcrossJvms || read.failed) {
      return Plan.load(loadGeneration, versions, replace, fallback, null, null);
    }
    return acquireOrWait(sharedKey, loadGeneration, versions, replace, fallback, null, true);
  }

  /**
   * Takes the stampede lock of {@code sharedKey}, or waits for its owner's value. Returns a plan to
   * load holding the lock; to serve the value another JVM stored (newer than {@code replacing},
   * when refreshing it); to load without the lock (Redis failed: fail open); or, when the wait ran
   * out, a timed-out plan whose caller applies the timeout policy. Without {@code wait}, a lock
   * held elsewhere times out at once.
   */
  private Plan<V> acquireOrWait(
      String sharedKey,
      long loadGeneration,
      long[] versions,
      boolean replace,
      CacheEntry<V> fallback,
      CacheEntry<V> replacing,
      boolean wait) {
    String lockKey = lockKey(sharedKey);
    // Registered before the first attempt, so that a release right after it still wakes us.
    Semaphore wakeUp = lockWaiters.computeIfAbsent(sharedKey, key -> new Semaphore(0));
    try {
      long deadline = System.nanoTime() + stampede.waitNanos;
      long pauseNanos = FIRST_POLL_NANOS;
      boolean waited = false;
      while (true) {
        String token = tokenPrefix + tokens.incrementAndGet();
        boolean acquired;
        try {
          acquired = shared.tryLock(lockKey, token, stampede.leaseMillis);
        } catch (SharedTierException e) {
          counters.sharedErrors.increment();
          return Plan.load(loadGeneration, versions, replace, fallback, null, null);
        }
        if (acquired) {
          counters.lockAcquisitions.increment();
          // The previous owner may have stored its value between our read and our lock.
          SharedRead<V> again = readShared(sharedKey, loadGeneration, false);
          if (answers(again.entry, replacing)) {
            unlockQuietly(lockKey, token);
            return Plan.serve(again.entry, false);
          }
          boolean overwrite = replace || again.replace || again.entry != null;
          return Plan.load(loadGeneration, versions, overwrite, fallback, lockKey, token);
        }
        long remaining = deadline - System.nanoTime();
        if (!wait || remaining <= 0) {
          return Plan.timedOut(loadGeneration, versions, replace, fallback);
        }
        if (!waited) {
          counters.lockWaits.increment();
          waited = true;
        }
        try {
          wakeUp.tryAcquire(Math.min(pauseNanos, remaining), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return Plan.load(loadGeneration, versions, replace, fallback, null, null);
        }
        wakeUp.drainPermits();
        pauseNanos = Math.min(2 * pauseNanos, LONGEST_POLL_NANOS);
        SharedRead<V> read = readShared(sharedKey, loadGeneration, false);
        if (read.failed) {
          return Plan.load(loadGeneration, versions, replace, fallback, null, null);
        }
        if (answers(read.entry, replacing)) {
          return Plan.serve(read.entry, false);
        }
        // No value yet: the owner is still loading, failed, or crashed. Try the lock again; a
        // crashed owner's lease has ended by itself when it succeeds.
      }
    } finally {
      lockWaiters.remove(sharedKey, wakeUp);
    }
  }

  /** Whether an entry read while waiting answers the call: fresh, and newer than the old one. */
  private boolean answers(CacheEntry<V> entry, CacheEntry<V> replacing) {
    if (entry == null) {
      return false;
    }
    if (checksFreshness && clock.millis() >= entry.expiresAtMillis()) {
      return false;
    }
    return replacing == null || entry.expiresAtMillis() > replacing.expiresAtMillis();
  }

  /** Releases the plan's lock, if it holds one, and tells every waiting JVM to look again. */
  private void release(Plan<V> plan, String sharedKey) {
    if (plan.token == null) {
      return;
    }
    unlockQuietly(plan.lockKey, plan.token);
    lockReleasedElsewhere(sharedKey);
    coherence.lockReleased(definition.name(), sharedKey);
  }

  private void unlockQuietly(String lockKey, String token) {
    try {
      shared.unlock(lockKey, token);
    } catch (SharedTierException e) {
      counters.sharedErrors.increment(); // the lease ends by itself
    }
  }

  /** The Redis key of {@code sharedKey}'s stampede lock; package-private for tests. */
  public String lockKey(String sharedKey) {
    return keys.lockKey(sharedKey);
  }

  // ---- background refresh -----------------------------------------------------------------

  /**
   * Reloads {@code present} in the background, once per key in this JVM; with the stampede lock,
   * once across JVMs: when another JVM holds it, this one skips and holds off for a moment, and
   * picks up that JVM's value from Redis when its own entry ends or at its next attempt.
   */
  private void refreshLater(
      Object localKey,
      String sharedKey,
      String[] tags,
      CacheEntry<V> present,
      AsyncLoader<V> loader) {
    if (!refreshing.add(localKey)) {
      return;
    }
    try {
      executor.execute(
          () ->
              refresh(localKey, sharedKey, tags, present, loader)
                  .whenComplete(
                      (skipped, failure) -> {
                        if (Boolean.TRUE.equals(skipped)) {
                          holdOff(localKey, present);
                        } else {
                          refreshing.remove(localKey);
                        }
                      }));
    } catch (RejectedExecutionException e) {
      refreshing.remove(localKey);
    }
  }

  /** Whether a background refresh of {@code localKey} runs or holds off; for tests. */
  public boolean refreshing(Object localKey) {
    return refreshing.contains(localKey);
  }

  /** Keeps the key marked as refreshing for a while, so the next hits send no lock attempts. */
  private void holdOff(Object localKey, CacheEntry<V> present) {
    long millis =
        Math.min(
            stampede.leaseMillis,
            Math.max(
                REFRESH_HOLD_OFF_MILLIS, 2 * TimeUnit.NANOSECONDS.toMillis(present.loadNanos())));
    try {
      CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS, executor)
          .execute(() -> refreshing.remove(localKey));
    } catch (RejectedExecutionException e) {
      refreshing.remove(localKey);
    }
  }

  /** One background reload; completes with {@code true} when another JVM held the lock. */
  private CompletableFuture<Boolean> refresh(
      Object localKey,
      String sharedKey,
      String[] tags,
      CacheEntry<V> present,
      AsyncLoader<V> loader) {
    Plan<V> plan = null;
    try {
      long sequence = invalidations.get();
      long loadGeneration = currentGeneration();
      long[] versions = tags.length == 0 ? NO_VERSIONS : coherence.currentVersions(tags);
      plan =
          lockAcrossJvms
              ? acquireOrWait(sharedKey, loadGeneration, versions, true, null, present, false)
              : Plan.load(loadGeneration, versions, true, null, null, null);
      if (plan.served != null) {
        putLocalIfUnchanged(sequence, localKey, plan.served); // another JVM refreshed it first
        return CompletableFuture.completedFuture(false);
      }
      if (plan.timedOut) {
        return CompletableFuture.completedFuture(true);
      }
      long start = nanoTime.getAsLong();
      CompletionStage<V> stage = loader.load();
      if (stage == null) {
        throw new NullPointerException(
            "the delegate of cache " + definition.name() + " returned a null future");
      }
      Plan<V> held = plan;
      return stage
          .toCompletableFuture()
          .handleAsync(
              (value, failure) -> {
                try {
                  if (failure != null) {
                    counters.loadFailures.increment();
                    counters.loadNanos.add(nanoTime.getAsLong() - start);
                    log.debug(
                        "cache {}: background refresh of {} failed; the current value stays",
                        definition.name(),
                        sharedKey,
                        Sneaky.unwrap(failure));
                    return false;
                  }
                  CacheEntry<V> entry =
                      loaded(value, start, held.generation, tags, held.versions, sharedKey);
                  counters.earlyRefreshes.increment();
                  if (value != null || definition.cacheNulls()) {
                    // An invalidation during the reload wins: no local store, no overwrite.
                    boolean unchanged = invalidations.get() == sequence;
                    putLocalIfUnchanged(sequence, localKey, entry);
                    writeShared(entry, unchanged);
                  }
                  return false;
                } finally {
                  release(held, sharedKey);
                }
              },
              executor);
    } catch (Throwable failure) {
      counters.loadFailures.increment();
      log.debug("cache {}: background refresh of {} failed", definition.name(), sharedKey, failure);
      if (plan != null) {
        release(plan, sharedKey);
      }
      return CompletableFuture.completedFuture(false);
    }
  }

  /** A synchronous loader run on the executor's thread, for background refreshes. */
  private static <V> AsyncLoader<V> onExecutor(Loader<V> loader) {
    return () -> CompletableFuture.completedFuture(loader.load());
  }

  /** Runs Redis work that follows an asynchronous load on the executor, not the caller. */
  private void afterLoad(Runnable work) {
    if (!shared.isPresent()) {
      work.run();
      return;
    }
    try {
      executor.execute(work);
    } catch (RejectedExecutionException e) {
      work.run();
    }
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
    long now = clock.millis();
    return new CacheEntry<>(
        value, now, expiresAt(now), loadNanos, loadGeneration, tags, versions, sharedKey);
  }

  /**
   * Reads and checks the shared tier's entry. {@code counted} reads count as a shared hit or miss
   * (and a decode error); the extra looks of a stampede lock or wait do not.
   */
  private SharedRead<V> readShared(String sharedKey, long loadGeneration, boolean counted) {
    if (!shared.isPresent()) {
      return SharedRead.absent();
    }
    byte[] bytes;
    try {
      bytes =
          definition.sliding() ? shared.getAndExpire(sharedKey, ttlMillis) : shared.get(sharedKey);
    } catch (SharedTierException e) {
      counters.sharedErrors.increment();
      if (counted) {
        counters.sharedMisses.increment();
      }
      return SharedRead.failed();
    }
    return decodeShared(sharedKey, bytes, loadGeneration, counted);
  }

  /** What the bytes under {@code sharedKey} say: a current entry, nothing, or bytes to replace. */
  private SharedRead<V> decodeShared(
      String sharedKey, byte[] bytes, long loadGeneration, boolean counted) {
    if (bytes == null) {
      if (counted) {
        counters.sharedMisses.increment();
      }
      return SharedRead.absent();
    }
    CacheEntry<V> entry;
    try {
      entry = EntryFormat.decode(bytes, codec, sharedKey);
    } catch (Exception e) {
      // Another shape, another writer or plain garbage: a miss; the load that follows overwrites
      // it. A stampede wait's second look at the same bytes is not a second error.
      if (counted) {
        counters.sharedErrors.increment();
        counters.sharedMisses.increment();
      }
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
      if (counted) {
        counters.sharedMisses.increment();
      }
      return SharedRead.replace();
    }
    if (counted) {
      counters.sharedHits.increment();
    }
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
      // Redis keeps the entry through its stale windows; the header says when it stops being fresh.
      long ttl = entry.expiresAtMillis() - clock.millis() + staleMillis;
      if (ttl <= 0) {
        return; // the load outlasted the entry's life: nothing worth storing
      }
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
    private static final SharedRead<?> ABSENT = new SharedRead<>(null, false, false);
    private static final SharedRead<?> REPLACE = new SharedRead<>(null, true, false);
    private static final SharedRead<?> FAILED = new SharedRead<>(null, false, true);

    final CacheEntry<V> entry;

    /** Whether the key holds bytes that must be overwritten (corrupt or stale). */
    final boolean replace;

    /** Whether Redis failed to answer: no lock either, the caller loads (fail open). */
    final boolean failed;

    private SharedRead(CacheEntry<V> entry, boolean replace, boolean failed) {
      this.entry = entry;
      this.replace = replace;
      this.failed = failed;
    }

    static <V> SharedRead<V> hit(CacheEntry<V> entry) {
      return new SharedRead<>(entry, false, false);
    }

    @SuppressWarnings("unchecked")
    static <V> SharedRead<V> absent() {
      return (SharedRead<V>) ABSENT;
    }

    @SuppressWarnings("unchecked")
    static <V> SharedRead<V> replace() {
      return (SharedRead<V>) REPLACE;
    }

    @SuppressWarnings("unchecked")
    static <V> SharedRead<V> failed() {
      return (SharedRead<V>) FAILED;
    }
  }

  /** How a miss is answered, decided before the delegate is called. */
  private static final class Plan<V> {
    /** The answer without a load of this caller's, or {@code null} to load. */
    final CacheEntry<V> served;

    /** Whether {@link #served} is due for a background refresh. */
    final boolean refresh;

    /** Whether the wait for another JVM's load ran out. */
    final boolean timedOut;

    final long generation;
    final long[] versions;

    /** Whether the load's value must overwrite what the key holds in Redis. */
    final boolean replace;

    /** A stale value to answer with if the load fails (stale-if-error), or {@code null}. */
    final CacheEntry<V> fallback;

    /** The stampede lock this load holds, or {@code null}. */
    final String lockKey;

    final String token;

    private Plan(
        CacheEntry<V> served,
        boolean refresh,
        boolean timedOut,
        long generation,
        long[] versions,
        boolean replace,
        CacheEntry<V> fallback,
        String lockKey,
        String token) {
      this.served = served;
      this.refresh = refresh;
      this.timedOut = timedOut;
      this.generation = generation;
      this.versions = versions;
      this.replace = replace;
      this.fallback = fallback;
      this.lockKey = lockKey;
      this.token = token;
    }

    static <V> Plan<V> serve(CacheEntry<V> entry, boolean refresh) {
      return new Plan<>(entry, refresh, false, 0, NO_VERSIONS, false, null, null, null);
    }

    static <V> Plan<V> load(
        long generation,
        long[] versions,
        boolean replace,
        CacheEntry<V> fallback,
        String lockKey,
        String token) {
      return new Plan<>(
          null, false, false, generation, versions, replace, fallback, lockKey, token);
    }

    static <V> Plan<V> timedOut(
        long generation, long[] versions, boolean replace, CacheEntry<V> fallback) {
      return new Plan<>(null, false, true, generation, versions, replace, fallback, null, null);
    }
  }
}
