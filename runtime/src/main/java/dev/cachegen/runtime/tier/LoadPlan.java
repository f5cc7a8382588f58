package dev.cachegen.runtime.tier;

import dev.cachegen.runtime.internal.CacheEntry;

/**
 * How a miss is answered, decided before the delegate is called: with an entry found elsewhere (the
 * shared tier, another JVM's load), by a load of this caller's (holding the stampede lock or not),
 * or not at all because the wait for another JVM's load ran out.
 *
 * @param served the answer without a load, or {@code null} to load
 * @param refresh whether {@code served} is due for a background refresh
 * @param timedOut whether the wait for another JVM's load ran out
 * @param generation the cache's generation before the load, recorded in the loaded entry
 * @param versions the versions of the entry's tags before the load, recorded likewise
 * @param replace whether the loaded value must overwrite what the key holds in Redis
 * @param fallback a stale entry to answer with if the load fails (stale-if-error), or {@code null}
 * @param lock the stampede lock this load holds, or {@code null}
 */
record LoadPlan<V>(
    CacheEntry<V> served,
    boolean refresh,
    boolean timedOut,
    long generation,
    long[] versions,
    boolean replace,
    CacheEntry<V> fallback,
    StampedeLock.Held lock) {

  private static final long[] NO_VERSIONS = new long[0];

  static <V> LoadPlan<V> serve(CacheEntry<V> entry, boolean refresh) {
    return new LoadPlan<>(entry, refresh, false, 0, NO_VERSIONS, false, null, null);
  }

  static <V> LoadPlan<V> load(
      long generation,
      long[] versions,
      boolean replace,
      CacheEntry<V> fallback,
      StampedeLock.Held lock) {
    return new LoadPlan<>(null, false, false, generation, versions, replace, fallback, lock);
  }

  static <V> LoadPlan<V> timedOut(
      long generation, long[] versions, boolean replace, CacheEntry<V> fallback) {
    return new LoadPlan<>(null, false, true, generation, versions, replace, fallback, null);
  }
}
