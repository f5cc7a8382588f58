package dev.cachegen.runtime;

import static dev.cachegen.runtime.TestCaches.strings;
import static dev.cachegen.runtime.TestRuntimes.awaitSubscribed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachegen.runtime.internal.Cache;
import dev.cachegen.runtime.internal.CacheEntry;
import dev.cachegen.runtime.internal.Keys;
import dev.cachegen.runtime.internal.Tags;
import dev.cachegen.testing.Await;
import dev.cachegen.testing.RedisExtension;
import dev.cachegen.testing.RedisServer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Writes, evictions and tag invalidations on one runtime reach the in-process tier of another
 * runtime on the same Redis (two runtimes in one JVM here; the end-to-end tests use two processes).
 */
class CoherenceTest {
  @RegisterExtension static final RedisExtension redis = RedisExtension.perClass();

  private static CacheRuntime node(String prefix) {
    return CacheRuntime.builder().redis(redis.uri()).keyPrefix(prefix).build();
  }

  /** Reads through a cache the way generated code does, counting loads. */
  private static String read(
      Cache<String> cache, String id, String[] tags, AtomicInteger loads, String value) {
    Object key = Keys.local(id);
    CacheEntry<String> cached = cache.getIfPresent(key);
    if (cached != null) {
      return cached.value();
    }
    return cache.get(
        key,
        cache.sharedKey().value(id).build(),
        tags,
        null,
        () -> {
          loads.incrementAndGet();
          return value;
        });
  }

  private static void awaitEvents(CacheRuntime runtime, long count) {
    Await.until(() -> runtime.coherence().eventsReceived() >= count);
  }

  @Test
  void aWriteOnOneNodeReplacesTheValueEverywhere() {
    String prefix = redis.keyPrefix();
    try (CacheRuntime a = node(prefix);
        CacheRuntime b = node(prefix)) {
      awaitSubscribed(a);
      awaitSubscribed(b);
      Cache<String> onA = a.cache(strings("c.write").build());
      Cache<String> onB = b.cache(strings("c.write").build());
      AtomicInteger loads = new AtomicInteger();
      String[] none = new String[0];
      assertEquals("v1", read(onB, "k", none, loads, "v1"));
      assertNotNull(onB.getIfPresent(Keys.local("k")), "B holds v1 in its L1");

      onA.put(Keys.local("k"), onA.sharedKey().value("k").build(), "v2");
      awaitEvents(b, 1);
      assertEquals("v2", read(onB, "k", none, loads, "stale load"));
      assertEquals(1, loads.get(), "B read the written value from Redis, not from its delegate");
    }
  }

  @Test
  void anEvictionOnOneNodeDropsTheEntryEverywhere() {
    String prefix = redis.keyPrefix();
    try (CacheRuntime a = node(prefix);
        CacheRuntime b = node(prefix)) {
      awaitSubscribed(b);
      Cache<String> onA = a.cache(strings("c.evict").build());
      Cache<String> onB = b.cache(strings("c.evict").build());
      AtomicInteger loads = new AtomicInteger();
      String[] none = new String[0];
      read(onB, "k", none, loads, "old");
      onA.invalidate(Keys.local("k"), onA.sharedKey().value("k").build());
      awaitEvents(b, 1);
      assertNull(onB.getIfPresent(Keys.local("k")));
      assertEquals("new", read(onB, "k", none, loads, "new"));
      assertEquals(2, loads.get());
    }
  }

  @Test
  void invalidatingAllEntriesOfACacheIsSeenEverywhereAndSparesOtherCaches() {
    String prefix = redis.keyPrefix();
    try (CacheRuntime a = node(prefix);
        CacheRuntime b = node(prefix)) {
      awaitSubscribed(b);
      Cache<String> onA = a.cache(strings("c.all").build());
      Cache<String> onB = b.cache(strings("c.all").build());
      Cache<String> otherOnB = b.cache(strings("c.other").build());
      AtomicInteger loads = new AtomicInteger();
      String[] none = new String[0];
      for (String id : new String[] {"1", "2", "3"}) {
        read(onB, id, none, loads, "old" + id);
      }
      read(otherOnB, "1", none, loads, "other");
      onA.invalidateAll();
      awaitEvents(b, 1);
      for (String id : new String[] {"1", "2", "3"}) {
        assertEquals("new" + id, read(onB, id, none, loads, "new" + id));
      }
      assertEquals("other", read(otherOnB, "1", none, loads, "reloaded"));
      assertEquals(7, loads.get());
      // Redis still holds the old entries, but they belong to an older generation.
      try (CacheRuntime c = node(prefix)) {
        Cache<String> onC = c.cache(strings("c.all").build());
        assertEquals("new1", read(onC, "1", none, loads, "must not load"));
      }
    }
  }

  @Test
  void aTagInvalidationDropsEveryTaggedEntryAndNoOther() {
    String prefix = redis.keyPrefix();
    try (CacheRuntime a = node(prefix);
        CacheRuntime b = node(prefix)) {
      awaitSubscribed(b);
      Cache<String> items = b.cache(strings("c.items").build());
      Cache<String> lists = b.cache(strings("c.lists").build());
      String owner42 = Tags.builder().literal("owner:").value(42L).build();
      String owner7 = Tags.builder().literal("owner:").value(7L).build();
      AtomicInteger loads = new AtomicInteger();
      read(items, "i1", new String[] {owner42}, loads, "item1");
      read(items, "i2", new String[] {owner7}, loads, "item2");
      read(lists, "l42", new String[] {owner42, "all"}, loads, "list42");
      assertEquals(3, loads.get());

      a.invalidateTags(owner42);
      awaitEvents(b, 1);
      assertNull(items.getIfPresent(Keys.local("i1")), "tagged owner:[42]");
      assertNull(lists.getIfPresent(Keys.local("l42")), "tagged owner:[42] and all");
      assertNotNull(items.getIfPresent(Keys.local("i2")), "tagged owner:[7] only");

      // A runtime that never heard the event reads the tag version from Redis.
      try (CacheRuntime c = node(prefix)) {
        Cache<String> itemsOnC = c.cache(strings("c.items").build());
        assertEquals("fresh1", read(itemsOnC, "i1", new String[] {owner42}, loads, "fresh1"));
        assertEquals("item2", read(itemsOnC, "i2", new String[] {owner7}, loads, "must not load"));
      }
      assertEquals(4, loads.get());
    }
  }

  @Test
  void aLoadThatOverlapsAWriteNeverStoresItsOlderValue() throws Exception {
    String prefix = redis.keyPrefix();
    try (CacheRuntime a = node(prefix)) {
      Cache<String> cache = a.cache(strings("c.race").build());
      // Else its first subscription, arriving late on a busy machine, drops the write's entry.
      Await.until(() -> a.stats().localTierResets() >= 1);
      String sharedKey = cache.sharedKey().value("k").build();
      CountDownLatch loading = new CountDownLatch(1);
      CountDownLatch written = new CountDownLatch(1);
      CompletableFuture<String> slowLoad =
          CompletableFuture.supplyAsync(
              () ->
                  cache.get(
                      Keys.local("k"),
                      sharedKey,
                      null,
                      () -> {
                        loading.countDown();
                        written.await(5, TimeUnit.SECONDS);
                        return "old, read before the write";
                      }));
      assertTrue(loading.await(5, TimeUnit.SECONDS));
      cache.put(Keys.local("k"), sharedKey, "new");
      written.countDown();
      assertEquals("old, read before the write", slowLoad.get(5, TimeUnit.SECONDS));
      assertEquals("new", cache.getIfPresent(Keys.local("k")).value(), "L1 kept the write");
      byte[] stored = redis.command("GET", sharedKey).getBytes(StandardCharsets.ISO_8859_1);
      assertTrue(
          new String(stored, StandardCharsets.UTF_8).endsWith("\"new\""), "Redis kept it too");
    }
  }

  @Test
  void aNodeThatLostItsSubscriptionDropsItsLocalTier() {
    try (RedisServer owned = RedisServer.start();
        CacheRuntime runtime =
            CacheRuntime.builder().redis(owned.uri()).keyPrefix(redis.keyPrefix()).build()) {
      awaitSubscribed(runtime);
      Cache<String> cache = runtime.cache(strings("c.reconnect").build());
      AtomicInteger loads = new AtomicInteger();
      read(cache, "k", new String[0], loads, "v");
      assertNotNull(cache.getIfPresent(Keys.local("k")));
      long resetsBefore = runtime.coherence().resets();
      owned.kill();
      Await.until(() -> runtime.coherence().resets() > resetsBefore);
      assertNull(cache.getIfPresent(Keys.local("k")), "dropped: events may be missed from now on");
      owned.restart();
      long afterKill = runtime.coherence().resets();
      Await.until(() -> runtime.coherence().resets() > afterKill);
    }
  }

  @Test
  void inMemoryRuntimesInvalidateTagsAndWholeCachesToo() {
    try (CacheRuntime runtime = CacheRuntime.inMemory()) {
      Cache<String> cache = runtime.cache(strings("c.memory").build());
      AtomicInteger loads = new AtomicInteger();
      read(cache, "1", new String[] {"t1"}, loads, "a");
      read(cache, "2", new String[] {"t2"}, loads, "b");
      runtime.invalidateTags("t1");
      assertNull(cache.getIfPresent(Keys.local("1")));
      assertNotNull(cache.getIfPresent(Keys.local("2")));
      cache.invalidateAll();
      assertNull(cache.getIfPresent(Keys.local("2")));
      cache.put(Keys.local("3"), cache.sharedKey().value("3").build(), "c");
      assertEquals("c", cache.getIfPresent(Keys.local("3")).value());
    }
  }
}
