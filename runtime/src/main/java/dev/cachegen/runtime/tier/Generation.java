package dev.cachegen.runtime.tier;

import dev.cachegen.runtime.internal.CacheEntry;
import dev.cachegen.runtime.shared.Coherence;
import dev.cachegen.runtime.shared.VersionCounters;

/**
 * One cache's generation as this runtime knows it, and the test of whether an entry is still
 * current: stored in this generation, and none of its tags invalidated since. {@link
 * CacheEntry#UNKNOWN_GENERATION} while it has not been read from Redis (at start, after events may
 * have been missed); then the next load reads it.
 */
final class Generation {
  private final String cacheName;
  private final Coherence coherence;
  private final boolean shared;
  private volatile long current;

  Generation(String cacheName, Coherence coherence, boolean shared) {
    this.cacheName = cacheName;
    this.coherence = coherence;
    this.shared = shared;
    this.current = shared ? CacheEntry.UNKNOWN_GENERATION : 0;
  }

  /** Whether {@code entry} may still answer: same generation, tags not invalidated since. */
  boolean isCurrent(CacheEntry<?> entry) {
    return entry.generation() == current && (!entry.hasTags() || coherence.tagsAreCurrent(entry));
  }

  /**
   * The generation a load that starts now records, read from Redis when unknown; {@link
   * CacheEntry#UNKNOWN_GENERATION} when Redis cannot tell (then the load is not stored there).
   */
  long forLoad() {
    long known = current;
    if (known != CacheEntry.UNKNOWN_GENERATION) {
      return known;
    }
    long read = coherence.readGeneration(cacheName);
    if (read != CacheEntry.UNKNOWN_GENERATION) {
      synchronized (this) {
        if (current == CacheEntry.UNKNOWN_GENERATION) {
          current = read;
        } else {
          current = VersionCounters.newer(current, read);
        }
        return current;
      }
    }
    return read;
  }

  /** Moves the generation on everywhere: every entry stored before reads as a miss. */
  void advance() {
    current = coherence.advanceGeneration(cacheName, current);
  }

  /** Another runtime moved it on to {@code generation}. */
  void advancedElsewhere(long generation) {
    long known = current;
    current =
        known == CacheEntry.UNKNOWN_GENERATION
            ? generation
            : VersionCounters.newer(known, generation);
  }

  /**
   * Redis holds {@code generation} now; returns whether that moved the one known here (a report of
   * a change of the counter that only raised its time to live moves nothing).
   */
  synchronized boolean moved(long generation) {
    long known = current;
    current =
        known == CacheEntry.UNKNOWN_GENERATION
            ? generation
            : VersionCounters.newer(known, generation);
    return current != known;
  }

  /** Forgets it: events may have been missed, so the next load reads it again. */
  void forget() {
    if (shared) {
      current = CacheEntry.UNKNOWN_GENERATION;
    }
  }
}
