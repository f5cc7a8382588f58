package dev.cachegen.runtime;

import static dev.cachegen.runtime.TestCaches.strings;
import static dev.cachegen.runtime.TestRuntimes.awaitSubscribed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachegen.runtime.internal.AsyncLoader;
import dev.cachegen.runtime.internal.Cache;
import dev.cachegen.runtime.internal.CacheDefinition;
import dev.cachegen.runtime.internal.CacheEntry;
import dev.cachegen.runtime.internal.Keys;
import dev.cachegen.runtime.internal.Loader;
import dev.cachegen.runtime.tier.TieredCache;
import dev.cachegen.testing.Await;
import dev.cachegen.testing.RedisExtension;
import dev.cachegen.testing.TestClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;

/**
 * Early refresh (XFetch), stale-while-revalidate and stale-if-error, with a clock and a random
 * source the test controls, in memory and against a real Redis.
 */
class FreshnessTest {
  /** ln(random) = -10: an entry whose load took 100 ms is due from one second before expiry. */
  private static final double EARLY = Math.exp(-10);

  @RegisterExtension static final RedisExtension redis = RedisExtension.perClass();
  private static RedisClient raw;

  private final TestClock clock = new TestClock();
  private final AtomicReference<Double> random = new AtomicReference<>(1.0);

  @BeforeAll
  static void connect() {
    raw = RedisClient.create(redis.uri());
  }

  @AfterAll
  static void disconnect() {
    raw.close();
  }

  private CacheRuntime.Builder timed() {
    return CacheRuntime.builder().clock(clock).randomSource(random::get);
  }

  private CacheRuntime.Builder timedOnRedis(String prefix) {
    return timed().redis(redis.uri()).keyPrefix(prefix);
  }

  /**
   * Waits for the event subscription: its first (re)subscription drops the in-process tier, which
   * would otherwise race with the test's first load.
   */
  private static CacheRuntime subscribed(CacheRuntime runtime) {
    awaitSubscribed(runtime);
    return runtime;
  }

  /** The body of a generated method of a cache that checks freshness. */
  private static String read(Cache<String> cache, String id, Loader<String> loader) {
    Object key = Keys.local(id);
    CacheEntry<String> cached = cache.getIfPresent(key);
    if (cached != null && !cache.refreshDue(cached)) {
      return cached.value();
    }
    return cache.get(key, cache.sharedKey().value(id).build(), cached, loader);
  }

  /** The same for a method that returns a future. */
  private static CompletableFuture<String> readAsync(
      Cache<String> cache, String id, AsyncLoader<String> loader) {
    Object key = Keys.local(id);
    CacheEntry<String> cached = cache.getIfPresent(key);
    if (cached != null && !cache.refreshDue(cached)) {
      return CompletableFuture.completedFuture(cached.value());
    }
    return cache.getAsync(key, cache.sharedKey().value(id).build(), cached, loader);
  }

  /** A delegate whose every load takes 100 ms of the test's clock; gated after the first. */
  private final class Delegate implements Loader<String> {
    final AtomicInteger calls = new AtomicInteger();
    final CountDownLatch release = new CountDownLatch(1);
    volatile boolean failing;

    @Override
    public String load() throws Exception {
      int call = calls.incrementAndGet();
      if (call > 1) {
        assertTrue(release.await(20, TimeUnit.SECONDS), "the test never released the delegate");
      }
      if (failing) {
        throw new IOException("database down");
      }
      clock.advance(Duration.ofMillis(100));
      return "v" + call;
    }
  }

  private static CacheEntry<String> entry(Cache<String> cache, String id) {
    return cache.getIfPresent(Keys.local(id));
  }

  private void advanceTo(long epochMillis) {
    clock.advance(Duration.ofMillis(epochMillis - clock.millis()));
  }

  @Test
  void theEntryCarriesItsExpiryAndLoadDuration() {
    // Over Redis: an in-memory cache without freshness settings keeps local entries, which carry
    // neither (KeyInspectionTest.anInMemoryRuntimeFindsLocalEntriesByTheHashOfTheirKey).
    try (CacheRuntime runtime = subscribed(timedOnRedis(redis.newPrefix()).build())) {
      Cache<String> cache =
          runtime.cache(strings("x.meta").ttlNanos(TimeUnit.SECONDS.toNanos(10)).build());
      long before = clock.millis();
      read(cache, "k", new Delegate());
      CacheEntry<String> entry = entry(cache, "k");
      assertEquals(TimeUnit.MILLISECONDS.toNanos(100), entry.loadNanos());
      long ttl = entry.expiresAtMillis() - entry.storedAtMillis();
      assertTrue(ttl >= 9_000 && ttl <= 10_000, "ttl less at most 10% jitter: " + ttl);
      assertEquals(before + 100, entry.storedAtMillis());
    }
  }

  @Test
  void earlyRefreshFiresBeforeExpiryWithAFixedRandomSource() {
    try (CacheRuntime runtime = timed().build()) {
      Cache<String> cache =
          runtime.cache(
              strings("x.early").ttlNanos(TimeUnit.SECONDS.toNanos(10)).earlyRefresh(1.0).build());
      Delegate delegate = new Delegate();
      assertEquals("v1", read(cache, "k", delegate));
      CacheEntry<String> first = entry(cache, "k");

      random.set(1.0); // ln(1) = 0: never early, however close the expiry
      advanceTo(first.expiresAtMillis() - 1);
      assertFalse(cache.refreshDue(first));

      random.set(EARLY); // due from 100 ms * 10 = one second before expiry
      advanceTo(first.expiresAtMillis() - 1_500);
      assertFalse(cache.refreshDue(first), "1.5 s before expiry is too early");
      advanceTo(first.expiresAtMillis() - 500);
      assertTrue(cache.refreshDue(first));

      // The caller gets the current value at once; the reload runs in the background.
      assertEquals("v1", read(cache, "k", delegate));
      Await.until(() -> delegate.calls.get() == 2);
      for (int i = 0; i < 20; i++) {
        assertEquals("v1", read(cache, "k", delegate), "still served while the reload runs");
      }
      delegate.release.countDown();
      Await.until(() -> "v2".equals(value(cache)));
      assertEquals(2, delegate.calls.get(), "one background reload per key");
      assertEquals(1, runtime.stats().cache("x.early").earlyRefreshes());
      assertTrue(entry(cache, "k").expiresAtMillis() > first.expiresAtMillis());
    }
  }

  private static String value(Cache<String> cache) {
    CacheEntry<String> entry = cache.getIfPresent(Keys.local("k"));
    return entry == null ? null : entry.value();
  }

  @Test
  void farFromExpiryNothingIsDueEvenWithASmallRandomNumber() {
    try (CacheRuntime runtime = timed().build()) {
      Cache<String> cache =
          runtime.cache(
              strings("x.far").ttlNanos(TimeUnit.MINUTES.toNanos(5)).earlyRefresh(1.0).build());
      read(cache, "k", new Delegate());
      random.set(EARLY);
      clock.advance(Duration.ofSeconds(10));
      assertFalse(cache.refreshDue(entry(cache, "k")));
    }
  }

  @Test
  void withoutFreshnessSettingsNothingIsEverDue() {
    try (CacheRuntime runtime = timed().build()) {
      Cache<String> cache =
          runtime.cache(strings("x.plain").ttlNanos(TimeUnit.SECONDS.toNanos(10)).build());
      long loadedAt = clock.millis() + 100; // the delegate takes 100 ms
      read(cache, "k", new Delegate());
      random.set(EARLY);
      CacheEntry<String> entry = entry(cache, "k");
      advanceTo(loadedAt + 9_000 - 1); // the earliest a jittered expiry can be
      assertFalse(cache.refreshDue(entry));
      // Without freshness settings the in-process tier keeps a fixed local ttl (Caffeine's
      // cheapest expiry): the entry goes when that ends, here the full 10 s.
      advanceTo(loadedAt + TimeUnit.SECONDS.toMillis(10) - 1);
      assertFalse(cache.refreshDue(entry));
      clock.advance(Duration.ofMillis(1));
      assertNull(entry(cache, "k"), "gone from L1 at its local ttl");
    }
  }

  @Test
  void anEarlyRefreshReplacesTheEntryInRedisAndTakesTheLock() {
    String prefix = redis.keyPrefix();
    try (CacheRuntime first = subscribed(timedOnRedis(prefix).build());
        CacheRuntime second = subscribed(timedOnRedis(prefix).build())) {
      CacheDefinition<String> definition =
          strings("x.shared").ttlNanos(TimeUnit.SECONDS.toNanos(10)).earlyRefresh(1.0).build();
      Cache<String> one = first.cache(definition);
      Delegate delegate = new Delegate();
      delegate.release.countDown();
      read(one, "k", delegate);
      CacheEntry<String> old = entry(one, "k");
      random.set(EARLY);
      advanceTo(old.expiresAtMillis() - 500);
      assertEquals("v1", read(one, "k", delegate));
      String sharedKey = one.sharedKey().value("k").build();
      Await.until(
          () ->
              new String(
                      raw.get(sharedKey.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8)
                  .endsWith("\"v2\""));
      Await.until(
          () ->
              !raw.exists(((TieredCache<?>) one).lockKey(sharedKey))); // released after the refresh
      assertEquals(2, first.stats().cache("x.shared").lockAcquisitions(), "load and refresh");

      // Another runtime reads the refreshed entry and its new expiry.
      Cache<String> two = second.cache(definition);
      random.set(1.0);
      assertEquals("v2", read(two, "k", () -> "must not load"));
      assertTrue(entry(two, "k").expiresAtMillis() > old.expiresAtMillis());
    }
  }

  @Test
  void aRefreshSkipsWhileAnotherJvmHoldsTheLock() {
    String prefix = redis.keyPrefix();
    try (CacheRuntime runtime = subscribed(timedOnRedis(prefix).build())) {
      Cache<String> cache =
          runtime.cache(
              strings("x.skip").ttlNanos(TimeUnit.SECONDS.toNanos(10)).earlyRefresh(1.0).build());
      Delegate delegate = new Delegate();
      delegate.release.countDown();
      read(cache, "k", delegate);
      String sharedKey = cache.sharedKey().value("k").build();
      raw.set(((TieredCache<?>) cache).lockKey(sharedKey), "another-jvm");
      random.set(EARLY);
      advanceTo(entry(cache, "k").expiresAtMillis() - 500);
      assertEquals("v1", read(cache, "k", delegate));
      Await.until(() -> !((TieredCache<?>) cache).refreshing(Keys.local("k")));
      assertEquals(1, runtime.stats().cache("x.skip").lockAcquisitions(), "the first load only");
      assertEquals(1, delegate.calls.get(), "the other JVM refreshes; this one does not load");
      assertEquals("v1", value(cache));
      raw.del(((TieredCache<?>) cache).lockKey(sharedKey));
    }
  }

  @Test
  void staleWhileRevalidateServesTheOldValueAndRefreshesOnce() throws Exception {
    try (CacheRuntime runtime = timed().build()) {
      Cache<String> cache =
          runtime.cache(
              strings("x.swr")
                  .ttlNanos(TimeUnit.SECONDS.toNanos(1))
                  .staleWhileRevalidateNanos(TimeUnit.SECONDS.toNanos(10))
                  .build());
      Delegate delegate = new Delegate();
      read(cache, "k", delegate);
      advanceTo(entry(cache, "k").expiresAtMillis() + 5_000);
      CacheEntry<String> stale = entry(cache, "k");
      assertNotNull(stale, "kept in L1 through the window");
      assertTrue(cache.refreshDue(stale), "stale entries are always due");
      for (int i = 0; i < 20; i++) {
        assertEquals("v1", read(cache, "k", delegate));
      }
      assertEquals(
          "v1",
          readAsync(cache, "k", () -> CompletableFuture.completedFuture("no"))
              .get(5, TimeUnit.SECONDS));
      Await.until(() -> delegate.calls.get() == 2);
      delegate.release.countDown();
      Await.until(() -> "v2".equals(value(cache)));
      CacheStats stats = runtime.stats().cache("x.swr");
      assertEquals(2, delegate.calls.get(), "one background refresh");
      assertEquals(21, stats.staleServed());
      assertEquals(1, stats.earlyRefreshes());
      assertFalse(cache.refreshDue(entry(cache, "k")));
    }
  }

  @Test
  void staleWhileRevalidateWorksFromRedisToo() {
    String prefix = redis.keyPrefix();
    try (CacheRuntime first = subscribed(timedOnRedis(prefix).build());
        CacheRuntime second = subscribed(timedOnRedis(prefix).build())) {
      CacheDefinition<String> definition =
          strings("x.swr2")
              .ttlNanos(TimeUnit.SECONDS.toNanos(1))
              .staleWhileRevalidateNanos(TimeUnit.SECONDS.toNanos(10))
              .build();
      Cache<String> one = first.cache(definition);
      Delegate delegate = new Delegate();
      delegate.release.countDown();
      read(one, "k", delegate);
      String sharedKey = one.sharedKey().value("k").build();
      long pttl = raw.pttl(sharedKey);
      assertTrue(pttl > 10_000, "Redis keeps it through the window: " + pttl);
      advanceTo(entry(one, "k").expiresAtMillis() + 2_000);
      Cache<String> two = second.cache(definition);
      assertEquals("v1", read(two, "k", delegate), "the stale entry from Redis, at once");
      Await.until(
          () -> delegate.calls.get() == 2 && second.stats().cache("x.swr2").earlyRefreshes() == 1);
      assertEquals(1, second.stats().cache("x.swr2").staleServed());
    }
  }

  @Test
  void staleIfErrorServesTheOldValueWhenTheDelegateFails() {
    try (CacheRuntime runtime = timed().build()) {
      Cache<String> cache =
          runtime.cache(
              strings("x.sie")
                  .ttlNanos(TimeUnit.SECONDS.toNanos(1))
                  .staleIfErrorNanos(TimeUnit.SECONDS.toNanos(10))
                  .build());
      Delegate delegate = new Delegate();
      delegate.release.countDown();
      read(cache, "k", delegate);
      CacheEntry<String> first = entry(cache, "k");
      advanceTo(first.expiresAtMillis() + 2_000);
      delegate.failing = true;
      assertEquals("v1", read(cache, "k", delegate), "the delegate failed: the stale value");
      assertEquals(2, delegate.calls.get(), "within the window the call still loads");
      assertEquals(1, runtime.stats().cache("x.sie").staleOnError());
      assertEquals(1, runtime.stats().cache("x.sie").loadFailures());

      delegate.failing = false;
      assertEquals("v3", read(cache, "k", delegate), "a working delegate replaces it");

      delegate.failing = true;
      advanceTo(entry(cache, "k").expiresAtMillis() + 20_000);
      assertThrows(IOException.class, () -> read(cache, "k", delegate), "beyond the window");
    }
  }

  @Test
  void staleIfErrorAppliesToAsyncLoadsToo() throws Exception {
    try (CacheRuntime runtime = timed().build()) {
      Cache<String> cache =
          runtime.cache(
              strings("x.sie.async")
                  .ttlNanos(TimeUnit.SECONDS.toNanos(1))
                  .staleIfErrorNanos(TimeUnit.SECONDS.toNanos(10))
                  .build());
      assertEquals(
          "v1", readAsync(cache, "k", () -> CompletableFuture.completedFuture("v1")).get());
      advanceTo(entry(cache, "k").expiresAtMillis() + 1);
      IOException failure = new IOException("down");
      assertEquals(
          "v1", readAsync(cache, "k", () -> CompletableFuture.failedFuture(failure)).get());
      advanceTo(entry(cache, "k").expiresAtMillis() + 20_000);
      ExecutionException thrown =
          assertThrows(
              ExecutionException.class,
              () -> readAsync(cache, "k", () -> CompletableFuture.failedFuture(failure)).get());
      assertSame(failure, thrown.getCause());
    }
  }

  @Test
  void definitionsRejectNonsense() {
    assertThrows(
        IllegalArgumentException.class,
        () -> strings("x.bad").earlyRefresh(-1).build(),
        "negative beta");
    assertThrows(
        IllegalArgumentException.class, () -> strings("x.bad").earlyRefresh(Double.NaN).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> strings("x.bad").staleWhileRevalidateNanos(-1).build());
    assertThrows(
        IllegalArgumentException.class, () -> strings("x.bad").staleIfErrorNanos(-1).build());
    IllegalArgumentException sliding =
        assertThrows(
            IllegalArgumentException.class,
            () -> strings("x.bad").sliding(true).earlyRefresh(1).build());
    assertTrue(sliding.getMessage().contains("sliding"), sliding.getMessage());
    assertTrue(strings("x.ok").earlyRefresh(0.5).build().checksFreshness());
    assertFalse(strings("x.ok").build().checksFreshness());
  }
}
