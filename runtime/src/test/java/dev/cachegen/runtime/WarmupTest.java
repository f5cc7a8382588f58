package dev.cachegen.runtime;

import static dev.cachegen.runtime.TestCaches.find;
import static dev.cachegen.runtime.TestCaches.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachegen.runtime.internal.Cache;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WarmupTest {
  @Test
  void preloadsEveryKeySoLaterCallsHit() {
    try (CacheRuntime runtime = CacheRuntime.inMemory()) {
      Cache<String> cache = runtime.cache(strings("w.products").build());
      AtomicInteger loads = new AtomicInteger();
      List<String> ids =
          IntStream.range(0, 100).mapToObj(i -> "p" + i).collect(Collectors.toList());
      Warmup.Report report =
          Warmup.of(
                  "products",
                  ids,
                  id ->
                      find(
                          cache,
                          id,
                          () -> {
                            loads.incrementAndGet();
                            return id;
                          }))
              .parallelism(8)
              .run();
      assertEquals(100, report.total());
      assertEquals(100, report.loaded());
      assertEquals(0, report.failed());
      assertEquals(100, loads.get());
      for (String id : ids) {
        find(cache, id, () -> "must not load");
      }
      assertEquals(100, runtime.stats().cache("w.products").local().hits());
    }
  }

  @Test
  void parallelismIsBounded() {
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    Warmup.of(
            "bounded",
            IntStream.range(0, 60).boxed().collect(Collectors.toList()),
            key -> {
              threads.add(Thread.currentThread());
              most.accumulateAndGet(running.incrementAndGet(), Math::max);
              Thread.sleep(2);
              running.decrementAndGet();
            })
        .parallelism(3)
        .run();
    assertTrue(most.get() <= 3, "at most 3 at once, saw " + most.get());
    assertTrue(threads.size() <= 3);
  }

  @Test
  void failuresAreCountedAndReportedNotThrown() {
    Warmup.Report report =
        Warmup.of(
                "failing",
                List.of(1, 2, 3, 4),
                key -> {
                  if (key % 2 == 0) {
                    throw new IllegalStateException("no row " + key);
                  }
                })
            .run();
    assertEquals(2, report.loaded());
    assertEquals(2, report.failed());
    assertTrue(report.failures().contains("2: java.lang.IllegalStateException: no row 2"));
  }

  @Test
  void startDoesNotBlockTheCaller() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Warmup.Report> warming =
        Warmup.of("background", List.of("a"), key -> release.await(5, TimeUnit.SECONDS)).start();
    assertFalse(warming.isDone());
    release.countDown();
    assertEquals(1, warming.get(5, TimeUnit.SECONDS).loaded());
  }
}
