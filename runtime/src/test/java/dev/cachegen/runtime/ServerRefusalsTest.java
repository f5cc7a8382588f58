package dev.cachegen.runtime;

import static dev.cachegen.runtime.TestCaches.find;
import static dev.cachegen.runtime.TestCaches.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.cachegen.runtime.internal.Cache;
import dev.cachegen.runtime.internal.Keys;
import dev.cachegen.testing.Await;
import dev.cachegen.testing.FaultProxy;
import dev.cachegen.testing.LogCapture;
import dev.cachegen.testing.RedisExtension;
import dev.cachegen.testing.RedisServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;

/**
 * Issue 14, items 2 and 8: a Redis that answers, but answers "no". A key of the wrong type is
 * repaired rather than failing every call forever; a Redis out of memory is a distinct, loud state,
 * not a silent one, and not an outage.
 */
class ServerRefusalsTest {
  @RegisterExtension static final RedisExtension redis = RedisExtension.perClass();

  @Test
  void aKeyOfTheWrongTypeIsOverwrittenByTheNextLoad() {
    String prefix = redis.keyPrefix();
    try (CacheRuntime runtime =
            CacheRuntime.builder().redis(redis.uri()).keyPrefix(prefix).build();
        RedisClient raw = RedisClient.create(redis.uri())) {
      Cache<String> cache = runtime.cache(strings("r.type").build());
      String key = cache.sharedKey().value("k").build();
      raw.hset(key, "field", "someone else's hash");

      assertEquals("loaded", find(cache, "k", () -> "loaded"));
      assertEquals("string", raw.type(key), "the load replaced the hash");
      assertTrue(runtime.stats().sharedTierAvailable(), "a wrong type is not an outage");

      try (CacheRuntime other =
          CacheRuntime.builder().redis(redis.uri()).keyPrefix(prefix).build()) {
        Cache<String> reader = other.cache(strings("r.type").build());
        assertEquals("loaded", find(reader, "k", () -> fail("served from Redis again")));
      }
    }
  }

  /**
   * Issue 10, item 5: a value over {@code maxValueBytes} is not written to Redis (counted, logged
   * once), and a write-through of one evicts the key there, so that no runtime reads the value it
   * replaced.
   */
  @Test
  void valuesOverTheLimitStayLocalAndAWriteOfOneEvictsTheOldValue() {
    String prefix = redis.keyPrefix();
    try (CacheRuntime runtime =
            CacheRuntime.builder()
                .redis(redis.uri())
                .keyPrefix(prefix)
                .maxValueBytes(1_000)
                .build();
        CacheRuntime other = CacheRuntime.builder().redis(redis.uri()).keyPrefix(prefix).build();
        RedisClient raw = RedisClient.create(redis.uri());
        LogCapture log = LogCapture.start()) {
      Cache<String> cache = runtime.cache(strings("r.big").build());
      String big = "x".repeat(5_000);
      assertEquals(big, find(cache, "big", () -> big));
      assertEquals(big, find(cache, "big", () -> fail("kept in the local tier")));
      assertFalse(raw.exists(cache.sharedKey().value("big").build()), "not written to Redis");

      assertEquals("small", find(cache, "k", () -> "small"));
      String key = cache.sharedKey().value("k").build();
      assertTrue(raw.exists(key));
      cache.put(Keys.local("k"), key, big);
      Await.until("the replaced value leaves Redis", () -> !raw.exists(key));
      Cache<String> theirs = other.cache(strings("r.big").build());
      assertEquals("loaded", find(theirs, "k", () -> "loaded"), "not the value the write replaced");

      assertEquals(2, runtime.stats().cache("r.big").oversized());
      assertEquals(1, log.lines(Pattern.compile("over maxValueBytes")).size());
    }
  }

  /**
   * Issue 13, item 3: callers that find every pooled connection busy are back-pressure, not a
   * failure of Redis: they fail open, and the circuit breaker stays closed for everybody else.
   */
  @Test
  void anExhaustedPoolIsBackPressureAndNeverOpensTheBreaker() throws Exception {
    String prefix = redis.keyPrefix();
    try (FaultProxy slow = FaultProxy.to(redis.host(), redis.port());
        CacheRuntime runtime =
            CacheRuntime.builder()
                .redis(slow.uri())
                .keyPrefix(prefix)
                .redisPoolSize(1)
                .redisTimeout(Duration.ofMillis(150))
                .circuitBreaker(3, Duration.ofSeconds(30))
                .localMaximumSize(0)
                .build()) {
      Cache<String> cache = runtime.cache(strings("r.pool").build());
      assertEquals("v", find(cache, "k", () -> "v"));
      slow.delayMillis(40);
      slow.mode(FaultProxy.Mode.DELAY);
      ExecutorService threads = Executors.newFixedThreadPool(16);
      try {
        List<Future<String>> calls = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
          String id = "k" + i; // distinct keys: single flight would otherwise queue them here
          calls.add(threads.submit(() -> find(cache, id, () -> "v")));
        }
        for (Future<String> call : calls) {
          assertEquals("v", call.get(30, TimeUnit.SECONDS), "every call answered");
        }
      } finally {
        threads.shutdownNow();
      }
      assertTrue(
          runtime.stats().sharedTierAvailable(),
          "waiting for a busy pool never opened the breaker (it would stay open 30 s)");
    }
  }

  @Test
  void aRedisOutOfMemoryIsALoudStateAndTheCallsStillAnswer() throws Exception {
    try (RedisServer server = RedisServer.start();
        RedisClient raw = RedisClient.create(server.uri());
        LogCapture log = LogCapture.start()) {
      server.command("CONFIG", "SET", "maxmemory-policy", "noeviction");
      // Fill the server, then cap its memory below what it holds: every write is refused.
      byte[] ballast = new byte[64 * 1024];
      for (int i = 0; i < 64; i++) {
        raw.set(("ballast" + i).getBytes(StandardCharsets.UTF_8), ballast);
      }
      server.command("CONFIG", "SET", "maxmemory", "1mb");

      try (CacheRuntime runtime =
          CacheRuntime.builder().redis(server.uri()).keyPrefix("oom").build()) {
        Cache<String> cache = runtime.cache(strings("r.oom").build());
        AtomicInteger loads = new AtomicInteger();
        for (int i = 0; i < 5; i++) {
          assertEquals(
              "v",
              find(
                  cache,
                  "k" + i,
                  () -> {
                    loads.incrementAndGet();
                    return "v";
                  }));
        }
        assertEquals(5, loads.get());
        RuntimeStats stats = runtime.stats();
        assertTrue(stats.sharedTierRefusesWrites(), "the state is visible");
        assertTrue(stats.sharedTierAvailable(), "reads work: the breaker stays closed");
        assertEquals(
            1, log.lines(Pattern.compile("refuses writes")).size(), "one log line per episode");

        server.command("CONFIG", "SET", "maxmemory", "0");
        assertEquals("w", find(cache, "fresh", () -> "w"));
        assertFalse(runtime.stats().sharedTierRefusesWrites(), "a write that works ends it");
      }
    }
  }
}
