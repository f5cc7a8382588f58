package dev.cachegen.runtime;

/**
 * Counts for one cache since the runtime started.
 *
 * @param name the cache name
 * @param local the in-process tier (L1)
 * @param shared the shared tier (L2); all zero without Redis
 * @param loads delegate calls that returned
 * @param loadFailures delegate calls that threw (never cached)
 * @param totalLoadNanos time spent in delegate calls, failed ones included
 * @param puts values written by write-through or write-behind methods
 * @param evictions explicit invalidations of one key or of the whole cache
 * @param localSize the entries in the in-process tier now (approximate)
 * @param lockAcquisitions stampede locks this runtime took in Redis (one per load of a missing key
 *     across JVMs, with {@code StampedePolicy.LOCK})
 * @param lockWaits loads that found another JVM holding the stampede lock and waited for its value
 *     instead of calling the delegate
 * @param earlyRefreshes background reloads that called the delegate, started by early refresh
 *     (XFetch) before expiry or by a stale-while-revalidate read after it
 * @param staleServed stale values served within the stale-while-revalidate window
 * @param staleOnError stale values served within the stale-if-error window because the delegate
 *     failed (or the stampede wait ran out under {@code StampedeTimeoutPolicy.FAIL})
 * @param oversized entries not written to the shared tier because they encode to more than the
 *     runtime's {@code maxValueBytes}
 */
public record CacheStats(
    String name,
    TierStats local,
    TierStats shared,
    long loads,
    long loadFailures,
    long totalLoadNanos,
    long puts,
    long evictions,
    long localSize,
    long lockAcquisitions,
    long lockWaits,
    long earlyRefreshes,
    long staleServed,
    long staleOnError,
    long oversized) {

  /** Calls answered by either tier divided by all calls, or {@code 0} before the first call. */
  public double hitRatio() {
    long calls = local.hits() + local.misses();
    return calls == 0 ? 0 : (double) (local.hits() + shared.hits()) / calls;
  }
}
