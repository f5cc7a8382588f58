package dev.cachegen.runtime.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Small conversions generated code needs around cached values. */
public final class Values {
  private Values() {}

  /**
   * The time to live of a value that expires at {@code expiresAt}, stored at {@code nowMillis}: for
   * {@code ttlFrom} paths of type {@code Instant}; {@link TtlFrom#CACHE_TTL} for {@code null}.
   */
  public static long ttlMillis(Instant expiresAt, long nowMillis) {
    return expiresAt == null ? TtlFrom.CACHE_TTL : saturatedMinus(expiresAt, nowMillis);
  }

  /**
   * The time to live {@code ttl} itself: for {@code ttlFrom} paths of type {@code Duration}; {@link
   * TtlFrom#CACHE_TTL} for {@code null}.
   */
  public static long ttlMillis(Duration ttl, long nowMillis) {
    if (ttl == null) {
      return TtlFrom.CACHE_TTL;
    }
    try {
      return ttl.toMillis();
    } catch (ArithmeticException tooLong) {
      return ttl.isNegative() ? -1 : Long.MAX_VALUE;
    }
  }

  /**
   * The time to live of a value that expires at {@code expiresAtEpochMillis}: for {@code ttlFrom}
   * paths of type {@code long} or {@code Long} (milliseconds since the epoch, as {@code
   * System.currentTimeMillis()}); {@link TtlFrom#CACHE_TTL} for {@code null}.
   */
  public static long ttlMillis(Long expiresAtEpochMillis, long nowMillis) {
    if (expiresAtEpochMillis == null) {
      return TtlFrom.CACHE_TTL;
    }
    long ttl = expiresAtEpochMillis - nowMillis;
    // Overflow: an expiry near Long.MIN_VALUE or MAX_VALUE is in the past or the far future.
    if (((expiresAtEpochMillis ^ nowMillis) & (expiresAtEpochMillis ^ ttl)) < 0) {
      return expiresAtEpochMillis < 0 ? -1 : Long.MAX_VALUE;
    }
    return ttl == TtlFrom.CACHE_TTL ? -1 : ttl;
  }

  private static long saturatedMinus(Instant expiresAt, long nowMillis) {
    try {
      return ttlMillis(expiresAt.toEpochMilli(), nowMillis);
    } catch (ArithmeticException outOfRange) {
      return expiresAt.isBefore(Instant.EPOCH) ? -1 : Long.MAX_VALUE;
    }
  }

  /**
   * The value inside {@code answer}, or {@code null} when it is empty. A delegate that returns a
   * {@code null} {@code Optional} is treated as having returned an empty one.
   */
  public static <T> T orNull(Optional<T> answer) {
    return answer == null ? null : answer.orElse(null);
  }
}
