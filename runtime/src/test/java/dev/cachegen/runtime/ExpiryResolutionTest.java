package dev.cachegen.runtime;

import static dev.cachegen.runtime.TestCaches.find;
import static dev.cachegen.runtime.TestCaches.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachegen.runtime.internal.Cache;
import dev.cachegen.testing.Await;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code CacheRuntime.Builder.expiryResolution}: the in-process tier's expiry follows a clock that
 * a daemon thread moves every 10 ms by default, so an entry leaves at its {@code localTtl} plus at
 * most about that; the thread lives as long as the runtime; {@code Duration.ZERO} reads the clock
 * on every hit and starts no thread.
 */
class ExpiryResolutionTest {
  private final AtomicInteger loads = new AtomicInteger();

  private String load() {
    return "v" + loads.incrementAndGet();
  }

  private static long tickerThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().equals("cachegen-ticker"))
        .count();
  }

  @Test
  void anEntryLeavesAtItsLocalTtlOnTheCoarseClockAndCloseStopsTheThread() throws Exception {
    long threadsBefore = tickerThreads();
    try (CacheRuntime runtime = CacheRuntime.inMemory()) {
      assertEquals(threadsBefore + 1, tickerThreads(), "one ticker thread per runtime");
      Cache<String> cache =
          runtime.cache(
              strings("e.coarse").localTtlNanos(TimeUnit.MILLISECONDS.toNanos(300)).build());
      long loadedAt = System.nanoTime();
      assertEquals("v1", find(cache, "k", this::load));
      assertEquals("v1", find(cache, "k", this::load), "a hit within localTtl");
      Await.until(
          "the entry expires",
          () -> !"v1".equals(find(cache, "k", this::load)),
          Duration.ofSeconds(5));
      long heldMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - loadedAt);
      assertTrue(heldMillis >= 300, "held " + heldMillis + " ms, not less than localTtl");
    }
    Await.until("the ticker thread ends", () -> tickerThreads() == threadsBefore);
  }

  @Test
  void zeroReadsTheClockOnEveryHitAndStartsNoThread() {
    long threadsBefore = tickerThreads();
    try (CacheRuntime runtime = CacheRuntime.builder().expiryResolution(Duration.ZERO).build()) {
      assertEquals(threadsBefore, tickerThreads());
      Cache<String> cache =
          runtime.cache(
              strings("e.exact").localTtlNanos(TimeUnit.MILLISECONDS.toNanos(100)).build());
      assertEquals("v1", find(cache, "k", this::load));
      Await.until(
          "the entry expires",
          () -> !"v1".equals(find(cache, "k", this::load)),
          Duration.ofSeconds(5));
    }
  }

  @Test
  void aResolutionOutsideZeroToOneSecondIsRefusedWithTheRange() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> CacheRuntime.builder().expiryResolution(Duration.ofSeconds(2)));
    assertEquals(
        "expiryResolution(PT2S): must be between 0 (read the clock on every hit) and 1 s",
        e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> CacheRuntime.builder().expiryResolution(Duration.ofMillis(-1)));
  }
}
