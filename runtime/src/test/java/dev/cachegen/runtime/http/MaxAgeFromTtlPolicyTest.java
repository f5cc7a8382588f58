package dev.cachegen.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@link HttpCachePolicy.Builder#maxAgeFromTtl}: where the counted-down {@code max-age} goes in the
 * header, how the remaining time is bounded, and the settings it refuses.
 */
class MaxAgeFromTtlPolicyTest {
  private static final long NOW = 1_700_000_000_000L;

  /** A value that is its own time to live in milliseconds; {@code -1} stands for "not given". */
  private static HttpCachePolicy<Long> policy(String cacheControl) {
    return HttpCachePolicy.builder(Long.class)
        .cacheControl(cacheControl)
        .maxAgeFromTtl(
            (ttl, now) -> ttl == -1 ? HttpCachePolicy.ValueTtl.NOT_GIVEN : ttl,
            Duration.ofMinutes(1))
        .build();
  }

  @Test
  void maxAgeTakesItsPlaceAfterVisibilityAndNoCache() {
    long in30s = NOW + 30_000;
    assertEquals("private, max-age=30", policy("private").cacheControl(in30s, NOW));
    assertEquals(
        "public, no-cache, max-age=30, s-maxage=60, immutable",
        policy("public, no-cache, s-maxage=60, immutable").cacheControl(in30s, NOW));
    assertEquals("max-age=30, must-revalidate", policy("must-revalidate").cacheControl(in30s, NOW));
    assertTrue(policy("private").maxAgeFromTtl());
    assertFalse(
        HttpCachePolicy.builder(Long.class).cacheControl("private").build().maxAgeFromTtl());
  }

  @Test
  void theRemainingTimeCountsDownInWholeSecondsAndStopsAtZero() {
    HttpCachePolicy<Long> policy = policy("private");
    long freshUntil = policy.freshUntilMillis(30_000L, NOW);
    assertEquals(NOW + 30_000, freshUntil);
    assertEquals("private, max-age=29", policy.cacheControl(freshUntil, NOW + 500));
    assertEquals("private, max-age=0", policy.cacheControl(freshUntil, NOW + 29_999));
    assertEquals("private, max-age=0", policy.cacheControl(freshUntil, NOW + 40_000));
  }

  @Test
  void theLongestTtlBoundsItAndStandsInWhenTheValueSaysNothing() {
    HttpCachePolicy<Long> policy = policy("private");
    assertEquals(NOW + 60_000, policy.freshUntilMillis(3_600_000L, NOW), "at most 1 minute");
    assertEquals(NOW + 60_000, policy.freshUntilMillis(-1L, NOW), "not given: the longest");
    assertEquals(NOW, policy.freshUntilMillis(-5_000L, NOW), "already expired: fresh until now");
    HttpCachePolicy<Long> failing =
        HttpCachePolicy.builder(Long.class)
            .cacheControl("private")
            .maxAgeFromTtl(
                (value, now) -> {
                  throw new IllegalStateException("broken accessor");
                },
                Duration.ofSeconds(10))
            .build();
    assertEquals(NOW + 10_000, failing.freshUntilMillis(1L, NOW), "a failing ttl: the longest");
  }

  @Test
  void aMaxAgeOrNoStoreOfItsOwnAndANonPositiveLongestAreRefused() {
    IllegalStateException maxAge =
        assertThrows(IllegalStateException.class, () -> policy("private, max-age=60"));
    assertTrue(maxAge.getMessage().contains("holds max-age"), maxAge.getMessage());
    IllegalStateException noStore =
        assertThrows(IllegalStateException.class, () -> policy("no-store"));
    assertTrue(noStore.getMessage().contains("holds no-store"), noStore.getMessage());
    IllegalArgumentException zero =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                HttpCachePolicy.builder(Long.class)
                    .maxAgeFromTtl((value, now) -> value, Duration.ZERO));
    assertTrue(zero.getMessage().contains("must be positive"), zero.getMessage());
  }
}
