package dev.cachegen.runtime;

import static dev.cachegen.runtime.TestCaches.find;
import static dev.cachegen.runtime.TestCaches.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachegen.runtime.internal.Cache;
import dev.cachegen.runtime.internal.Keys;
import dev.cachegen.runtime.internal.WriteBehindDefinition;
import dev.cachegen.runtime.internal.WriteBehindQueue;
import dev.cachegen.testing.Await;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Meters read from a SimpleMeterRegistry after known traffic, with exact counts. */
class MetricsTest {
  private final MeterRegistry registry = new SimpleMeterRegistry();

  private double counter(String name, String... tags) {
    return registry.get(name).tags(tags).functionCounter().count();
  }

  private double gauge(String name, String... tags) {
    return registry.get(name).tags(tags).gauge().value();
  }

  @Test
  void cacheMetersFollowMicrometersCacheNames() {
    try (CacheRuntime runtime = CacheRuntime.builder().meterRegistry(registry).build()) {
      Cache<String> cache = runtime.cache(strings("m.items").build());
      for (int i = 0; i < 3; i++) {
        find(cache, "a", () -> "A");
      }
      find(cache, "b", () -> "B");
      assertThrows(
          IOException.class,
          () ->
              find(
                  cache,
                  "c",
                  () -> {
                    throw new IOException("down");
                  }));
      cache.put(Keys.local("d"), cache.sharedKey().value("d").build(), "D");
      cache.invalidate(Keys.local("a"), cache.sharedKey().value("a").build());

      assertEquals(2, counter("cache.gets", "cache", "m.items", "result", "hit"));
      assertEquals(3, counter("cache.gets", "cache", "m.items", "result", "miss"));
      assertEquals(3, counter("cache.puts", "cache", "m.items"), "2 loads + 1 write");
      assertEquals(1, counter("cache.evictions", "cache", "m.items"));
      assertEquals(2, counter("cache.load", "cache", "m.items", "result", "success"));
      assertEquals(1, counter("cache.load", "cache", "m.items", "result", "failure"));
      assertEquals(2, gauge("cache.size", "cache", "m.items"), "b and d");
      assertTrue(
          registry.get("cache.load.duration").tags("cache", "m.items").timeGauge().value() >= 0);
      assertEquals(
          2, counter("cachegen.tier.gets", "cache", "m.items", "tier", "local", "result", "hit"));
      assertEquals(
          3, counter("cachegen.tier.gets", "cache", "m.items", "tier", "local", "result", "miss"));
      assertEquals(0, gauge("cachegen.shared.available"), "no Redis: failing open by design");
    }
  }

  record Call(int id) {}

  @Test
  void writeBehindMetersShowDepthAndOutcomes() throws Exception {
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    try (CacheRuntime runtime = CacheRuntime.builder().meterRegistry(registry).build()) {
      WriteBehindQueue<Call> queue =
          runtime.writeBehind(
              WriteBehindDefinition.<Call>builder("m.writes", Call.class)
                  .initialBackoff(Duration.ZERO)
                  .build(),
              call -> release.await(5, TimeUnit.SECONDS));
      for (int i = 0; i < 4; i++) {
        queue.enqueue(new Call(i));
      }
      Await.until(() -> gauge("cachegen.writebehind.depth", "queue", "m.writes") == 3);
      release.countDown();
      Await.until(
          () ->
              counter("cachegen.writebehind.calls", "queue", "m.writes", "outcome", "applied")
                  == 4);
      assertEquals(
          4, counter("cachegen.writebehind.calls", "queue", "m.writes", "outcome", "enqueued"));
      assertEquals(0, gauge("cachegen.writebehind.depth", "queue", "m.writes"));
    }
  }

  @Test
  void withoutARegistryNothingIsRegisteredAndStatsStillCount() {
    try (CacheRuntime runtime = CacheRuntime.builder().recordStats(false).build()) {
      Cache<String> cache = runtime.cache(strings("m.lean").build());
      find(cache, "a", () -> "A");
      find(cache, "a", () -> "A");
      CacheStats stats = runtime.stats().cache("m.lean");
      assertEquals(0, stats.local().hits(), "recordStats(false): L1 hits are not counted");
      assertEquals(1, stats.loads(), "loads always are");
    }
    assertTrue(registry.getMeters().isEmpty());
  }
}
