package dev.cachegen.runtime.internal;

import dev.cachegen.runtime.CacheStats;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One named cache across both tiers, as a generated decorator calls it. A decorator obtains it
 * once, in its constructor, with {@code runtime.cache(DEFINITION)}; a cached method then reads
 *
 * <pre>{@code
 * Object key = Keys.local(id);
 * CacheEntry<Item> cached = findCache.getIfPresent(key);
 * if (cached != null && !findCache.refreshDue(cached)) {
 *   return cached.value();
 * }
 * String sharedKey = findCache.sharedKey().value(id).build();
 * return findCache.get(key, sharedKey, cached, () -> this.delegate.find(id));
 * }</pre>
 *
 * <p>The in-process lookup comes first and is inlined in the generated method, so that a hit costs
 * a Caffeine lookup and nothing else: no lambda, no shared key string. The entry the lookup found,
 * if any, is handed to {@link #get}: a non-null {@code found} is an entry {@link #refreshDue}
 * picked for early refresh or found past its expiry, and {@code get} decides from it, with no state
 * kept between the two calls.
 *
 * <p>Part of the contract between generated code and the runtime: public so that generated classes
 * in any package can call it, not meant for application code, which calls {@link
 * dev.cachegen.runtime.CacheRuntime} instead.
 *
 * @param <V> the type of the cached values
 */
public interface Cache<V> {

  /** The definition this cache was created from. */
  CacheDefinition<V> definition();

  /**
   * The entry for {@code localKey} in the in-process tier, or {@code null}. Counts a local hit or
   * miss. Never touches the shared tier. An entry whose cache or tags were invalidated since it was
   * loaded is dropped and reads as a miss. In a cache with stale windows the entry may be stale:
   * ask {@link #refreshDue} before using it.
   */
  CacheEntry<V> getIfPresent(Object localKey);

  /**
   * Whether an entry found by {@link #getIfPresent} must not simply be returned: it is past its
   * expiry (within a stale window), or early refresh (XFetch) picked it for a reload. Then the
   * caller hands the entry to {@link #get}, which still answers at once with it where the cache's
   * policy allows, and reloads it in the background. Always {@code false} for caches that do not
   * {@linkplain CacheDefinition#checksFreshness() check freshness}.
   */
  boolean refreshDue(CacheEntry<V> entry);

  /** A builder for the shared key of one call, already holding prefix, name and shape. */
  SharedKeyBuilder sharedKey();

  /**
   * The value for a key that missed the in-process tier, or whose entry {@link #refreshDue} found
   * due: from the shared tier if it has it, else from {@code loader}, then stored in both tiers.
   * Whatever {@code loader} throws reaches the caller unchanged and is not cached, unless a stale
   * value within the stale-if-error window answers instead.
   *
   * @param localKey the key built by {@link Keys}
   * @param sharedKey the key built by {@link #sharedKey()}, for the same values
   * @param tags the entry's tags, built with {@link Tags#builder()}; empty for none
   * @param found what {@link #getIfPresent} returned for {@code localKey}: {@code null}, or an
   *     entry that {@link #refreshDue} found due
   * @param loader calls the delegate
   */
  V get(Object localKey, String sharedKey, String[] tags, CacheEntry<V> found, Loader<V> loader);

  /** {@link #get(Object, String, String[], CacheEntry, Loader)} for an entry without tags. */
  V get(Object localKey, String sharedKey, CacheEntry<V> found, Loader<V> loader);

  /**
   * The asynchronous form of {@link #get}: for methods that return {@code CompletableFuture} or
   * {@code CompletionStage}. The value the stage completes with is what is cached; a failed stage
   * is not cached. Each caller gets its own future, so no caller can cancel or complete another's.
   */
  CompletableFuture<V> getAsync(
      Object localKey, String sharedKey, String[] tags, CacheEntry<V> found, AsyncLoader<V> loader);

  /** {@link #getAsync(Object, String, String[], CacheEntry, AsyncLoader)} without tags. */
  CompletableFuture<V> getAsync(
      Object localKey, String sharedKey, CacheEntry<V> found, AsyncLoader<V> loader);

  /**
   * Stores {@code value} under the key in both tiers, replacing what is there, and tells the other
   * runtimes to drop their in-process copy (write-through). A {@code null} value in a cache that
   * does not cache nulls removes the entry instead.
   */
  void put(Object localKey, String sharedKey, String[] tags, V value);

  /** {@link #put(Object, String, String[], Object)} for an entry without tags. */
  void put(Object localKey, String sharedKey, V value);

  /** Removes the key from both tiers, here and in the in-process tier of every other runtime. */
  void invalidate(Object localKey, String sharedKey);

  /** Removes every entry of this cache, in both tiers and every runtime, in O(1). */
  void invalidateAll();

  /**
   * The values of many keys, for bulk methods ({@code Map<K, V> findAll(Collection<K> ids)}): one
   * in-process lookup per key, one multi-get to the shared tier for the keys the in-process tier
   * lacks, one call of {@code loader} with only the keys still missing, and the loaded values
   * stored per key. The result holds the keys with non-null values, in the order of {@code keys}.
   *
   * @param keys the keys asked for; duplicates are loaded once
   * @param localKey the in-process key of one key, as {@link Keys} builds it
   * @param sharedKey the shared key of one key, as {@link #sharedKey()} builds it
   * @param loader calls the delegate's bulk method
   */
  <K> Map<K, V> getAll(
      Collection<K> keys,
      Function<? super K, Object> localKey,
      Function<? super K, String> sharedKey,
      BulkLoader<K, V> loader);

  /** Statistics of this cache since the runtime started. */
  CacheStats stats();
}
