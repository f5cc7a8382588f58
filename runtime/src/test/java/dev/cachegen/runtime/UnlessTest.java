package dev.cachegen.runtime;

import static dev.cachegen.runtime.TestCaches.find;
import static dev.cachegen.runtime.TestCaches.findAsync;
import static dev.cachegen.runtime.TestCaches.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachegen.runtime.internal.Cache;
import dev.cachegen.runtime.internal.CacheDefinition;
import dev.cachegen.runtime.internal.Keys;
import dev.cachegen.testing.Await;
import dev.cachegen.testing.RedisExtension;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12, item 1: {@code CacheDefinition.Builder.unless}, the compiled form of
 * {@code @Cached(unless = ...)}. A loaded value it holds for is returned but stored in neither
 * tier, on every load path; concurrent callers of the key still share the one load.
 */
class UnlessTest {
  @RegisterExtension static final RedisExtension redis = RedisExtension.perClass();

  private final AtomicInteger loads = new AtomicInteger();

  static Stream<Arguments> tiers() {
    Supplier<CacheRuntime> memory = CacheRuntime::inMemory;
    Supplier<CacheRuntime> shared =
        () -> CacheRuntime.builder().redis(redis.uri()).keyPrefix(redis.newPrefix()).build();
    return Stream.of(Arguments.of("memory", memory), Arguments.of("redis", shared));
  }

  private static CacheDefinition<String> notEmpty(String name) {
    return strings(name).unless(String::isEmpty).build();
  }

  private String load(String id) {
    loads.incrementAndGet();
    return id.startsWith("empty") ? "" : "v-" + id;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tiers")
  void aValueTheConditionHoldsForIsReturnedButNotStored(
      String tier, Supplier<CacheRuntime> runtimes) {
    try (CacheRuntime runtime = runtimes.get()) {
      Cache<String> cache = runtime.cache(notEmpty("u.single"));
      assertEquals("", find(cache, "empty", () -> load("empty")));
      assertEquals("", find(cache, "empty", () -> load("empty")));
      assertEquals(2, loads.get(), "an empty string is never stored");
      assertEquals("v-a", find(cache, "a", () -> load("a")));
      assertEquals("v-a", find(cache, "a", () -> load("a")));
      assertEquals(3, loads.get(), "other values are");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tiers")
  void asynchronousLoadsAskTheConditionToo(String tier, Supplier<CacheRuntime> runtimes)
      throws Exception {
    try (CacheRuntime runtime = runtimes.get()) {
      Cache<String> cache = runtime.cache(notEmpty("u.async"));
      for (int i = 0; i < 2; i++) {
        assertEquals(
            "",
            findAsync(cache, "empty", () -> CompletableFuture.completedFuture(load("empty")))
                .get(10, TimeUnit.SECONDS));
        assertEquals(
            "v-b",
            findAsync(cache, "b", () -> CompletableFuture.completedFuture(load("b")))
                .get(10, TimeUnit.SECONDS));
      }
      assertEquals(3, loads.get());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tiers")
  void bulkLoadsDecidePerEntry(String tier, Supplier<CacheRuntime> runtimes) {
    try (CacheRuntime runtime = runtimes.get()) {
      Cache<String> cache = runtime.cache(notEmpty("u.bulk"));
      List<String> keys = List.of("a", "empty-1", "b");
      Map<String, String> first = all(cache, keys);
      assertEquals(Map.of("a", "v-a", "empty-1", "", "b", "v-b"), first);
      assertEquals(3, loads.get());
      assertEquals(first, all(cache, keys));
      assertEquals(4, loads.get(), "only the empty value is loaded again");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tiers")
  void concurrentCallersShareTheLoadOfAValueThatIsNotStored(
      String tier, Supplier<CacheRuntime> runtimes) throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(2);
    try (CacheRuntime runtime = runtimes.get()) {
      Cache<String> cache = runtime.cache(notEmpty("u.flight"));
      CountDownLatch started = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      Future<String> leader =
          callers.submit(
              () ->
                  find(
                      cache,
                      "empty",
                      () -> {
                        started.countDown();
                        assertTrue(release.await(10, TimeUnit.SECONDS));
                        return load("empty");
                      }));
      assertTrue(started.await(10, TimeUnit.SECONDS));
      AtomicReference<Thread> waiterThread = new AtomicReference<>();
      Future<String> waiter =
          callers.submit(
              () -> {
                waiterThread.set(Thread.currentThread());
                return find(cache, "empty", () -> load("empty"));
              });
      Await.until(
          "the second caller waits for the first one's load",
          () ->
              waiterThread.get() != null
                  && (waiterThread.get().getState() == Thread.State.WAITING
                      || waiterThread.get().getState() == Thread.State.TIMED_WAITING));
      release.countDown();
      assertEquals("", leader.get(10, TimeUnit.SECONDS));
      assertEquals("", waiter.get(10, TimeUnit.SECONDS));
      assertEquals(1, loads.get(), "the waiter got the leader's value");
      assertEquals("", find(cache, "empty", () -> load("empty")));
      assertEquals(2, loads.get(), "and the value was not stored");
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void aConditionThatThrowsStoresNothingAndFailsNoLoad() {
    try (CacheRuntime runtime = CacheRuntime.inMemory()) {
      Cache<String> cache =
          runtime.cache(
              strings("u.throws")
                  .unless(
                      value -> {
                        throw new IllegalStateException("an accessor failed");
                      })
                  .build());
      assertEquals("v-a", find(cache, "a", () -> load("a")));
      assertEquals("v-a", find(cache, "a", () -> load("a")));
      assertEquals(2, loads.get());
    }
  }

  @Test
  void writesStoreWhatTheyAreGiven() {
    try (CacheRuntime runtime = CacheRuntime.inMemory()) {
      Cache<String> cache = runtime.cache(notEmpty("u.put"));
      cache.put(Keys.local("empty"), cache.sharedKey().value("empty").build(), "");
      assertEquals("", find(cache, "empty", () -> load("empty")));
      assertEquals(0, loads.get());
    }
  }

  private Map<String, String> all(Cache<String> cache, List<String> keys) {
    return cache.getAll(
        keys,
        Keys::local,
        key -> cache.sharedKey().value(key).build(),
        missing -> {
          Map<String, String> found = new LinkedHashMap<>();
          missing.forEach(key -> found.put(key, load(key)));
          return found;
        });
  }
}
