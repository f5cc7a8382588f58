package dev.cachegen.runtime.tier;

import static dev.cachegen.runtime.TestCaches.find;
import static dev.cachegen.runtime.TestCaches.findAsync;
import static dev.cachegen.runtime.TestCaches.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.runtime.CacheStats;
import dev.cachegen.runtime.JacksonCodec;
import dev.cachegen.runtime.internal.Cache;
import dev.cachegen.runtime.internal.CacheDefinition;
import dev.cachegen.runtime.internal.CacheEntry;
import dev.cachegen.runtime.internal.Loader;
import dev.cachegen.runtime.internal.Types;
import dev.cachegen.testing.Await;
import dev.cachegen.testing.RedisExtension;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;

/** The shared tier against a real Redis. */
class RedisTierTest {
  @RegisterExtension static final RedisExtension redis = RedisExtension.perClass();
  private static RedisClient raw;

  record Item(long id, String name, List<String> tags) {}

  @BeforeAll
  static void connect() {
    raw = RedisClient.create(redis.uri());
  }

  @AfterAll
  static void disconnect() {
    raw.close();
  }

  /** A fresh prefix per test, so tests never see each other's keys on a shared server. */
  private static CacheRuntime runtime() {
    return CacheRuntime.builder().redis(redis.uri()).keyPrefix(redis.newPrefix()).build();
  }

  private static CacheRuntime runtime(String prefix) {
    return CacheRuntime.builder().redis(redis.uri()).keyPrefix(prefix).build();
  }

  @Test
  void aSecondRuntimeIsServedFromRedisWithoutItsDelegate() {
    String prefix = redis.keyPrefix();
    AtomicInteger firstLoads = new AtomicInteger();
    AtomicInteger secondLoads = new AtomicInteger();
    try (CacheRuntime first = runtime(prefix);
        CacheRuntime second = runtime(prefix)) {
      Cache<String> one = first.cache(strings("r.shared").build());
      Cache<String> two = second.cache(strings("r.shared").build());
      Loader<String> firstDelegate =
          () -> {
            firstLoads.incrementAndGet();
            return "loaded once";
          };
      Loader<String> secondDelegate =
          () -> {
            secondLoads.incrementAndGet();
            return "second delegate";
          };
      assertEquals("loaded once", find(one, "k", firstDelegate));
      assertEquals("loaded once", find(two, "k", secondDelegate));
      assertEquals(1, firstLoads.get());
      assertEquals(0, secondLoads.get());
      CacheStats stats = second.stats().cache("r.shared");
      assertEquals(1, stats.shared().hits());
      assertEquals(0, stats.loads());
    }
  }

  @Test
  void recordsAndGenericsRoundTripThroughTheDeclaredType() {
    String prefix = redis.keyPrefix();
    CacheDefinition<List<Item>> definition =
        CacheDefinition.<List<Item>>builder("r.items", Types.parameterized(List.class, Item.class))
            .shape("2")
            .build();
    List<Item> items = List.of(new Item(1, "one", List.of("a")), new Item(2, "two", List.of()));
    try (CacheRuntime first = runtime(prefix);
        CacheRuntime second = runtime(prefix)) {
      Cache<List<Item>> one = first.cache(definition);
      one.get("k", one.sharedKey().value("k").build(), null, () -> items);
      Cache<List<Item>> two = second.cache(definition);
      List<Item> read =
          two.get(
              "k", two.sharedKey().value("k").build(), null, () -> fail("must come from Redis"));
      assertEquals(items, read);
      assertEquals(Item.class, read.get(0).getClass());
    }
  }

  @Test
  void entriesExpireInRedisWithinTheTtl() {
    try (CacheRuntime runtime = runtime()) {
      Cache<String> cache =
          runtime.cache(
              strings("r.ttl")
                  .ttlNanos(TimeUnit.MILLISECONDS.toNanos(1_000))
                  .localTtlNanos(TimeUnit.MILLISECONDS.toNanos(100))
                  .build());
      find(cache, "k", () -> "v");
      String key = cache.sharedKey().value("k").build();
      long ttl = raw.pttl(key);
      assertTrue(ttl > 850 && ttl <= 1_000, "pttl " + ttl + " is the ttl less at most 10% jitter");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (raw.exists(key)) {
        if (System.nanoTime() > deadline) {
          fail("the entry outlived its ttl");
        }
        Thread.onSpinWait();
      }
      // The local ttl (100 ms) ended long before the shared one: the next call must load again.
      assertEquals("reloaded", find(cache, "k", () -> "reloaded"));
      assertEquals(2, cache.stats().loads());
    }
  }

  @Test
  void slidingEntriesAreExtendedByReads() throws Exception {
    try (CacheRuntime runtime =
        CacheRuntime.builder()
            .redis(redis.uri())
            .keyPrefix(redis.newPrefix())
            .localMaximumSize(0)
            .build()) {
      Cache<String> cache =
          runtime.cache(
              strings("r.sliding").sliding(true).ttlNanos(TimeUnit.SECONDS.toNanos(60)).build());
      find(cache, "k", () -> "v");
      String key = cache.sharedKey().value("k").build();
      raw.pexpire(key, 5_000);
      Await.until(() -> cache.stats().localSize() == 0);
      assertEquals("v", find(cache, "k", () -> fail("must come from Redis")));
      assertTrue(raw.pttl(key) > 50_000, "GETEX reset the ttl: " + raw.pttl(key));
    }
  }

  @Test
  void corruptedBytesReadAsAMissAndAreOverwritten() throws Exception {
    try (CacheRuntime runtime = runtime()) {
      Cache<String> cache = runtime.cache(strings("r.corrupt").build());
      String key = cache.sharedKey().value("k").build();
      byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
      for (byte[] garbage :
          List.of(
              "not an entry".getBytes(StandardCharsets.UTF_8),
              new byte[] {(byte) 0xCA, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, '{'},
              new byte[0])) {
        raw.set(keyBytes, garbage);
        try (CacheRuntime fresh =
            CacheRuntime.builder()
                .redis(redis.uri())
                .keyPrefix(key.substring(0, key.indexOf(':')))
                .build()) {
          Cache<String> reader = fresh.cache(strings("r.corrupt").build());
          assertEquals("from delegate", find(reader, "k", () -> "from delegate"));
          assertEquals(1, reader.stats().shared().errors());
        }
        byte[] repaired = raw.get(keyBytes);
        assertEquals(EntryFormat.MAGIC, repaired[0], "the entry was overwritten");
      }
    }
  }

  /**
   * Well-formed entries whose payload is another JSON type than the cache's (issue 14, item 3), or
   * a cached null in a cache that does not cache nulls: each reads as a miss, is counted as an
   * error, and is overwritten by the load.
   */
  @Test
  void entriesOfAnotherTypeOrAnUnexpectedNullReadAsAMiss() throws Exception {
    String prefix = redis.keyPrefix();
    try (CacheRuntime runtime = runtime(prefix)) {
      Cache<String> cache = runtime.cache(strings("r.strict").build());
      String key = cache.sharedKey().value("k").build();
      long now = System.currentTimeMillis();
      List<byte[]> foreign =
          List.of(
              entry(42, Integer.class, key, now),
              entry(true, Boolean.class, key, now),
              entry(List.of("a"), List.class, key, now),
              entry(null, String.class, key, now));
      for (byte[] bytes : foreign) {
        raw.set(key.getBytes(StandardCharsets.UTF_8), bytes);
        try (CacheRuntime fresh = runtime(prefix)) {
          Cache<String> reader = fresh.cache(strings("r.strict").build());
          assertEquals("from delegate", find(reader, "k", () -> "from delegate"));
          assertEquals(1, reader.stats().shared().errors());
          assertEquals(0, reader.stats().shared().hits());
        }
        try (CacheRuntime third = runtime(prefix)) {
          Cache<String> reader = third.cache(strings("r.strict").build());
          assertEquals("from delegate", find(reader, "k", () -> fail("overwritten, so shared")));
        }
      }
    }
  }

  /**
   * The bytes of a well-formed entry of generation 0 holding {@code value} encoded as {@code type}.
   */
  private static <T> byte[] entry(T value, Class<?> type, String key, long now) throws Exception {
    CacheEntry<T> entry =
        CacheEntry.of(value, now, now + 60_000, 1_000, 0, new String[0], new long[0], key);
    return EntryFormat.encode(entry, ValueEncoding.plain(JacksonCodec.create()).<T>forType(type));
  }

  /**
   * Issue 14, item 4: a lone high surrogate reaches Redis intact, so it and {@code "?"} (what a
   * lossy UTF-8 encoder makes of it) are two keys; and a key of a 10 kB string is shortened.
   */
  @Test
  void keysAreInjectiveForEveryStringAndBoundedInRedis() {
    String prefix = redis.keyPrefix();
    try (CacheRuntime first = runtime(prefix);
        CacheRuntime second = runtime(prefix)) {
      Cache<String> one = first.cache(strings("r.odd").build());
      Cache<String> two = second.cache(strings("r.odd").build());
      assertEquals("surrogate", find(one, "\uD800", () -> "surrogate"));
      assertEquals("question mark", find(two, "?", () -> "question mark"));
      assertEquals("surrogate", find(two, "\uD800", () -> fail("stored by the first runtime")));

      String big = "x".repeat(10_000);
      assertEquals("big", find(one, big, () -> "big"));
      assertEquals("big", find(two, big, () -> fail("stored by the first runtime")));
      Set<String> keys = raw.keys(prefix + ":{r.odd:*");
      assertEquals(3, keys.size(), "the three entries are in Redis: " + keys);
      for (String key : keys) {
        assertTrue(key.length() < 400, "a bounded key: " + key.length() + " characters");
      }
    }
  }

  @Test
  void cachedNullsAreSharedToo() {
    String prefix = redis.keyPrefix();
    try (CacheRuntime first = runtime(prefix);
        CacheRuntime second = runtime(prefix)) {
      CacheDefinition<String> definition = strings("r.null").cacheNulls(true).build();
      assertNull(find(first.cache(definition), "k", () -> null));
      assertNull(find(second.cache(definition), "k", () -> fail("the null comes from Redis")));
    }
  }

  @Test
  void asyncLoadsAreSharedThroughRedis() throws Exception {
    String prefix = redis.keyPrefix();
    try (CacheRuntime first = runtime(prefix);
        CacheRuntime second = runtime(prefix)) {
      Cache<String> one = first.cache(strings("r.async").build());
      assertEquals(
          "v",
          findAsync(one, "k", () -> java.util.concurrent.CompletableFuture.completedFuture("v"))
              .get(5, TimeUnit.SECONDS));
      Cache<String> two = second.cache(strings("r.async").build());
      String key = one.sharedKey().value("k").build();
      Await.until(() -> raw.exists(key));
      assertEquals(
          "v", findAsync(two, "k", () -> fail("must come from Redis")).get(5, TimeUnit.SECONDS));
    }
  }

  @Test
  void keysCarryPrefixNameAndShape() {
    try (CacheRuntime runtime =
        CacheRuntime.builder().redis(redis.uri()).keyPrefix("shop").build()) {
      Cache<String> cache = runtime.cache(strings("Items.find").shape("5e1f09a2").build());
      assertEquals("shop:{Items.find:5e1f09a2:[42]}", cache.sharedKey().value(42L).build());
    }
  }
}
