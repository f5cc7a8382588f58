package dev.cachegen.runtime;

import static dev.cachegen.runtime.TestCaches.find;
import static dev.cachegen.runtime.TestCaches.strings;
import static dev.cachegen.runtime.TestRuntimes.awaitSubscribed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachegen.runtime.internal.Cache;
import dev.cachegen.runtime.internal.Keys;
import dev.cachegen.testing.Await;
import dev.cachegen.testing.RedisSentinel;
import dev.cachegen.testing.RedisServer;
import org.junit.jupiter.api.Test;

/** A master found through a real Redis Sentinel ({@code redis-server --sentinel}). */
class SentinelTest {
  @Test
  void runtimesFindTheMasterThroughTheSentinelAndShareIt() {
    try (RedisServer master = RedisServer.start();
        RedisSentinel sentinel = RedisSentinel.start("cachegen-master", master)) {
      String prefix = "sentinel";
      try (CacheRuntime first =
              CacheRuntime.builder()
                  .redisSentinel(sentinel.masterName(), sentinel.uri())
                  .keyPrefix(prefix)
                  .build();
          CacheRuntime second =
              CacheRuntime.builder()
                  .redisSentinel(sentinel.masterName(), sentinel.uri())
                  .keyPrefix(prefix)
                  .build()) {
        assertTrue(first.stats().sharedTier().startsWith("sentinel cachegen-master"));
        Cache<String> one = first.cache(strings("st.items").build());
        Cache<String> two = second.cache(strings("st.items").build());
        assertEquals("v", find(one, "k", () -> "v"));
        assertEquals("v", find(two, "k", () -> "must come from the master"));
        assertEquals(1, two.stats().shared().hits());
        assertEquals("1", master.command("EXISTS", one.sharedKey().value("k").build()));
      }
    }
  }

  @Test
  void trackingFollowsTheMasterTheSentinelNames() {
    try (RedisServer master = RedisServer.start();
        RedisSentinel sentinel = RedisSentinel.start("cachegen-master", master);
        CacheRuntime runtime =
            CacheRuntime.builder()
                .redisSentinel(sentinel.masterName(), sentinel.uri())
                .keyPrefix("tracked")
                .coherence(CoherenceMode.TRACKING)
                .verifyOnStart()
                .build()) {
      Cache<String> cache = runtime.cache(strings("st.tracked").build());
      Object key = Keys.local("k");
      // Subscribing drops the in-process tier; before it, an empty tier would prove nothing below.
      awaitSubscribed(runtime);
      find(cache, "k", () -> "v");
      // The master reports our own SET: only tracking empties the in-process tier here.
      Await.until("the report of our own write", () -> cache.getIfPresent(key) == null);
      assertEquals("v", find(cache, "k", () -> "must come from the master"));
      assertNotNull(cache.getIfPresent(key));
      master.command("DEL", cache.sharedKey().value("k").build());
      Await.until("the report of the DEL on the master", () -> cache.getIfPresent(key) == null);
    }
  }

  @Test
  void theBuilderTakesOneKindOfRedis() {
    IllegalStateException error =
        assertThrows(
            IllegalStateException.class,
            () ->
                CacheRuntime.builder()
                    .redis("redis://localhost")
                    .redisSentinel("m", "redis://localhost:26379"));
    assertTrue(error.getMessage().contains("use one"), error.getMessage());
    assertThrows(IllegalArgumentException.class, () -> CacheRuntime.builder().redisSentinel("m"));
  }
}
