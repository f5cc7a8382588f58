package dev.cachegen.runtime.internal;

/**
 * The time to live of one loaded or written value, read from the value itself: the compiled form of
 * {@code @Cached(ttlFrom = "{result.expiresAt}")}. Generated code passes the accessor's value to
 * one of the {@code Values.ttlMillis} overloads.
 *
 * @param <V> the type of the cached values
 */
@FunctionalInterface
public interface TtlFrom<V> {
  /** Returned when the value gives no time to live (a {@code null} on the way): the cache's ttl. */
  long CACHE_TTL = Long.MIN_VALUE;

  /**
   * How long {@code value}, stored at {@code nowMillis}, stays fresh, in milliseconds: zero or less
   * when it has already expired (it is then returned but not cached), or {@link #CACHE_TTL}.
   */
  long ttlMillis(V value, long nowMillis);
}
