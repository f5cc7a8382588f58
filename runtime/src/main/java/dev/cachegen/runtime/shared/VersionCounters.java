package dev.cachegen.runtime.shared;

/**
 * The values of the version counters behind whole-cache and tag invalidation: where a new counter
 * starts, and which of two values is the newer. See "Coherence" in {@code docs/ARCHITECTURE.md}.
 */
public final class VersionCounters {
  /**
   * Values of a counter are spaced by this much per millisecond of its epoch. Small enough that
   * epochs stay below 2^53 (about 1.8e15 in 2026), the integers Redis's Lua scripts handle exactly.
   */
  public static final long EPOCH_STRIDE = 1L << 10;

  /**
   * Which of two values of one counter is the newer: the larger, unless the other is more than
   * {@link #EPOCH_STRIDE} below it, which only a counter created again (with a later epoch, by a
   * runtime whose clock is behind) explains. Within one epoch, events that arrive out of order
   * never differ by that much.
   */
  public static long newer(long known, long seen) {
    return seen > known || seen < known - EPOCH_STRIDE ? seen : known;
  }

  /**
   * The first value of a counter created now: milliseconds since 1970 times {@link #EPOCH_STRIDE},
   * so that a counter that disappeared (evicted, expired, lost with Redis's data) and comes back
   * starts above every value it had, and an entry that recorded an old value can never read as
   * current again.
   */
  static long epoch() {
    return System.currentTimeMillis() * EPOCH_STRIDE;
  }

  private VersionCounters() {}
}
