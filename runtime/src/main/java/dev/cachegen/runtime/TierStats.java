package dev.cachegen.runtime;

/**
 * Counts for one tier of one cache since the runtime started.
 *
 * @param hits reads answered by this tier
 * @param misses reads this tier could not answer
 * @param errors failed reads and writes: timeouts, refused connections, calls skipped while the
 *     circuit breaker was open, and entries that could not be decoded (each also a miss)
 */
public record TierStats(long hits, long misses, long errors) {
  /** Hits divided by reads, or {@code 0} before the first read. */
  public double hitRatio() {
    long reads = hits + misses;
    return reads == 0 ? 0 : (double) hits / reads;
  }
}
