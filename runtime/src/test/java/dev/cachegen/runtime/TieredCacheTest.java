package dev.cachegen.runtime;

import static dev.cachegen.runtime.TestCaches.find;
import static dev.cachegen.runtime.TestCaches.findAsync;
import static dev.cachegen.runtime.TestCaches.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachegen.annotations.StampedePolicy;
import dev.cachegen.runtime.internal.AsyncLoader;
import dev.cachegen.runtime.internal.Cache;
import dev.cachegen.runtime.internal.CacheDefinition;
import dev.cachegen.runtime.internal.Loader;
import dev.cachegen.testing.Await;
import dev.cachegen.testing.TestClock;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The in-process tier's behaviour; the Redis tier has its own tests. */
class TieredCacheTest {
  private final CacheRuntime runtime = CacheRuntime.inMemory();
  private final ExecutorService threads = Executors.newFixedThreadPool(16);

  @AfterEach
  void close() {
    threads.shutdownNow();
    runtime.close();
  }

  @Test
  void aSecondCallIsAnsweredWithoutTheLoader() {
    Cache<String> cache = runtime.cache(strings("t.hit").build());
    AtomicInteger loads = new AtomicInteger();
    assertEquals("v1", find(cache, "k", () -> "v" + loads.incrementAndGet()));
    assertEquals("v1", find(cache, "k", () -> "v" + loads.incrementAndGet()));
    assertEquals(1, loads.get());
    CacheStats stats = runtime.stats().cache("t.hit");
    assertEquals(1, stats.local().hits());
    assertEquals(1, stats.local().misses());
    assertEquals(1, stats.loads());
  }

  @Test
  void concurrentMissesOfOneKeyLoadOnce() throws Exception {
    Cache<String> cache = runtime.cache(strings("t.flight", StampedePolicy.LOCK));
    AtomicInteger loads = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    List<Future<String>> calls = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      calls.add(
          threads.submit(
              () ->
                  find(
                      cache,
                      "hot",
                      () -> {
                        loads.incrementAndGet();
                        release.await(5, TimeUnit.SECONDS);
                        return "value";
                      })));
    }
    Await.until(() -> loads.get() >= 1);
    release.countDown();
    for (Future<String> call : calls) {
      assertEquals("value", call.get(5, TimeUnit.SECONDS));
    }
    assertEquals(1, loads.get());
  }

  @Test
  void withoutStampedeControlEveryMissLoads() throws Exception {
    Cache<String> cache = runtime.cache(strings("t.none", StampedePolicy.NONE));
    AtomicInteger loads = new AtomicInteger();
    CountDownLatch allInside = new CountDownLatch(4);
    List<Future<String>> calls = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      calls.add(
          threads.submit(
              () ->
                  find(
                      cache,
                      "hot",
                      () -> {
                        loads.incrementAndGet();
                        allInside.countDown();
                        allInside.await(5, TimeUnit.SECONDS);
                        return "value";
                      })));
    }
    for (Future<String> call : calls) {
      assertEquals("value", call.get(5, TimeUnit.SECONDS));
    }
    assertEquals(4, loads.get());
  }

  @Test
  void failuresReachEveryWaiterUnchangedAndAreNotCached() throws Exception {
    Cache<String> cache = runtime.cache(strings("t.fail").build());
    IOException failure = new IOException("database down");
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger loads = new AtomicInteger();
    List<Future<String>> calls = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      calls.add(
          threads.submit(
              () ->
                  find(
                      cache,
                      "k",
                      () -> {
                        loads.incrementAndGet();
                        release.await(5, TimeUnit.SECONDS);
                        throw failure;
                      })));
    }
    Await.until(() -> loads.get() >= 1);
    release.countDown();
    for (Future<String> call : calls) {
      ExecutionException thrown = assertThrows(ExecutionException.class, call::get);
      assertSame(failure, thrown.getCause(), "the checked exception itself, unwrapped");
    }
    assertEquals("recovered", find(cache, "k", () -> "recovered"));
    // A caller that arrives after a failed load starts its own: failures are never cached.
    assertEquals(loads.get(), runtime.stats().cache("t.fail").loadFailures());
    assertTrue(loads.get() < 8, "callers shared loads: " + loads.get());
  }

  @Test
  void nullsAreCachedOnlyWhenAsked() {
    Cache<String> plain = runtime.cache(strings("t.nulls.off").build());
    Cache<String> negative = runtime.cache(strings("t.nulls.on").cacheNulls(true).build());
    AtomicInteger loads = new AtomicInteger();
    Loader<String> missing =
        () -> {
          loads.incrementAndGet();
          return null;
        };
    assertNull(find(plain, "k", missing));
    assertNull(find(plain, "k", missing));
    assertEquals(2, loads.get());
    assertNull(find(negative, "k", missing));
    assertNull(find(negative, "k", missing));
    assertEquals(3, loads.get());
  }

  @Test
  void nullKeysAreKeysToo() {
    Cache<String> cache = runtime.cache(strings("t.nullkey").build());
    assertEquals("for null", find(cache, null, () -> "for null"));
    assertEquals("for null", find(cache, null, () -> "again"));
    assertEquals("for text", find(cache, "null", () -> "for text"));
  }

  @Test
  void localEntriesExpireAfterTheLocalTtl() {
    TestClock clock = new TestClock();
    try (CacheRuntime timed = CacheRuntime.builder().clock(clock).build()) {
      Cache<String> cache =
          timed.cache(
              strings("t.ttl")
                  .ttlNanos(TimeUnit.SECONDS.toNanos(10))
                  .localTtlNanos(TimeUnit.SECONDS.toNanos(2))
                  .build());
      AtomicInteger loads = new AtomicInteger();
      find(cache, "k", () -> "v" + loads.incrementAndGet());
      clock.advance(Duration.ofMillis(1_900));
      assertEquals("v1", find(cache, "k", () -> "v" + loads.incrementAndGet()));
      clock.advance(Duration.ofMillis(200));
      assertEquals("v2", find(cache, "k", () -> "v" + loads.incrementAndGet()));
    }
  }

  @Test
  void asyncCallersShareOneLoadAndEachGetTheirOwnFuture() throws Exception {
    Cache<String> cache = runtime.cache(strings("t.async").build());
    AtomicInteger loads = new AtomicInteger();
    CompletableFuture<String> source = new CompletableFuture<>();
    AsyncLoader<String> loader =
        () -> {
          loads.incrementAndGet();
          return source;
        };
    CompletableFuture<String> first = findAsync(cache, "k", loader);
    CompletableFuture<String> second = findAsync(cache, "k", loader);
    second.cancel(true);
    source.complete("value");
    assertEquals("value", first.get(5, TimeUnit.SECONDS));
    assertEquals("value", findAsync(cache, "k", loader).get(5, TimeUnit.SECONDS));
    assertEquals(1, loads.get());
  }

  @Test
  void aFailedFutureIsNotCached() throws Exception {
    Cache<String> cache = runtime.cache(strings("t.async.fail").build());
    IOException failure = new IOException("nope");
    CompletableFuture<String> failed =
        findAsync(cache, "k", () -> CompletableFuture.failedFuture(failure));
    ExecutionException thrown = assertThrows(ExecutionException.class, failed::get);
    assertSame(failure, thrown.getCause());
    assertEquals(
        "ok",
        findAsync(cache, "k", () -> CompletableFuture.completedFuture("ok"))
            .get(5, TimeUnit.SECONDS));
  }

  @Test
  void oneNameMeansOneCacheAndTypesMustAgree() {
    CacheDefinition<String> first = strings("t.shared").build();
    assertSame(runtime.cache(first), runtime.cache(strings("t.shared").build()));
    CacheDefinition<Integer> other =
        CacheDefinition.<Integer>builder("t.shared", Integer.class).shape("1").build();
    IllegalStateException error =
        assertThrows(IllegalStateException.class, () -> runtime.cache(other));
    assertTrue(error.getMessage().contains("java.lang.String"), error.getMessage());
  }
}
