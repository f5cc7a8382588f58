package dev.cachegen.runtime;

import static dev.cachegen.runtime.TestCaches.find;
import static dev.cachegen.runtime.TestCaches.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachegen.runtime.internal.Cache;
import dev.cachegen.runtime.internal.Keys;
import dev.cachegen.runtime.internal.Tags;
import dev.cachegen.testing.RedisExtension;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;

/**
 * Issue 14, item 5: a tag version or a cache generation that Redis loses (evicted under {@code
 * allkeys-lru}, expired, flushed) never makes an entry stored before an invalidation current again,
 * and the counters expire once no entry can refer to them.
 */
class CounterLossTest {
  @RegisterExtension static final RedisExtension redis = RedisExtension.perClass();

  private static CacheRuntime runtime(String prefix) {
    return CacheRuntime.builder().redis(redis.uri()).keyPrefix(prefix).build();
  }

  private static String tagged(Cache<String> cache, String id, String tag, String value) {
    return cache.get(
        Keys.local(id), cache.sharedKey().value(id).build(), new String[] {tag}, null, () -> value);
  }

  @Test
  void aLostTagVersionDoesNotReviveAnInvalidatedEntry() {
    String prefix = redis.keyPrefix();
    String tag = Tags.builder().literal("owner:").value(7L).build();
    try (CacheRuntime writer = runtime(prefix);
        RedisClient raw = RedisClient.create(redis.uri())) {
      Cache<String> cache = writer.cache(strings("c.tagged").build());
      assertEquals("before", tagged(cache, "k", tag, "before"));
      writer.invalidateTags(tag);
      // The entry from before the invalidation is still in Redis; its tag's counter is not.
      raw.del(prefix + ":!tag:" + tag);

      try (CacheRuntime reader = runtime(prefix)) {
        Cache<String> fresh = reader.cache(strings("c.tagged").build());
        assertEquals("after", tagged(fresh, "k", tag, "after"), "the old entry must not answer");
      }
    }
  }

  @Test
  void aLostGenerationDoesNotReviveEntriesOfAnInvalidatedCache() {
    String prefix = redis.keyPrefix();
    try (CacheRuntime writer = runtime(prefix);
        RedisClient raw = RedisClient.create(redis.uri())) {
      Cache<String> cache = writer.cache(strings("c.all").build());
      assertEquals("before", find(cache, "k", () -> "before"));
      cache.invalidateAll();
      raw.del(prefix + ":!gen:c.all");

      try (CacheRuntime reader = runtime(prefix)) {
        Cache<String> fresh = reader.cache(strings("c.all").build());
        assertEquals("after", find(fresh, "k", () -> "after"), "the old entry must not answer");
      }
    }
  }

  @Test
  void countersExpireOnceNoEntryCanReferToThem() {
    String prefix = redis.keyPrefix();
    String tag = Tags.builder().literal("t").build();
    try (CacheRuntime runtime = runtime(prefix);
        RedisClient raw = RedisClient.create(redis.uri())) {
      // A 5 minute ttl and no stale windows: no entry outlives 300 s in Redis.
      Cache<String> cache = runtime.cache(strings("c.life").build());
      tagged(cache, "k", tag, "v");
      cache.invalidateAll();
      runtime.invalidateTags(tag);
      for (String key : Set.of(prefix + ":!tag:" + tag, prefix + ":!gen:c.life")) {
        long ttl = raw.pttl(key);
        assertTrue(
            ttl > TimeUnit.MINUTES.toMillis(4) && ttl <= TimeUnit.MINUTES.toMillis(5),
            key + " lives " + ttl + " ms");
      }
    }
  }
}
