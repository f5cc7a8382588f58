package dev.cachegen.runtime;

import static dev.cachegen.runtime.TestCaches.find;
import static dev.cachegen.runtime.TestCaches.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachegen.runtime.internal.Cache;
import dev.cachegen.runtime.internal.CacheDefinition;
import dev.cachegen.runtime.internal.Keys;
import dev.cachegen.runtime.internal.TtlFrom;
import dev.cachegen.runtime.internal.Values;
import dev.cachegen.testing.RedisExtension;
import dev.cachegen.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 12, item 4: {@code CacheDefinition.Builder.ttlFrom}, the compiled form of
 * {@code @Cached(ttlFrom = ...)}. Each value's own ttl (an {@code Instant}, a {@code Duration} or
 * epoch milliseconds) sets its expiry in both tiers, jittered, never past the cache's ttl; the
 * in-process tier lets go of it when Redis does; a value already expired is returned, not cached.
 */
class TtlFromTest {
  @RegisterExtension static final RedisExtension redis = RedisExtension.ownedPerClass();

  private final TestClock clock = new TestClock();
  private final AtomicInteger loads = new AtomicInteger();

  /**
   * Values say how they expire: {@code "d:20000"} in 20 s, {@code "at:<epoch ms>"} at an instant,
   * {@code "ms:<epoch ms>"} as epoch millis, anything else the cache's ttl.
   */
  private static final TtlFrom<String> OWN_TTL =
      (value, now) -> {
        String[] parts = value.split(":", 2);
        return switch (parts[0]) {
          case "d" -> Values.ttlMillis(Duration.ofMillis(Long.parseLong(parts[1])), now);
          case "at" -> Values.ttlMillis(Instant.ofEpochMilli(Long.parseLong(parts[1])), now);
          case "ms" -> Values.ttlMillis(Long.valueOf(parts[1]), now);
          default -> Values.ttlMillis((Duration) null, now);
        };
      };

  private CacheDefinition<String> definition(String name) {
    return strings(name).ttlNanos(TimeUnit.MINUTES.toNanos(5)).ttlFrom(OWN_TTL).build();
  }

  private CacheRuntime redisRuntime() {
    return CacheRuntime.builder()
        .redis(redis.uri())
        .keyPrefix(redis.newPrefix())
        .clock(clock)
        .build();
  }

  private String load(String value) {
    loads.incrementAndGet();
    return value;
  }

  private long pttl(Cache<String> cache, String id) {
    return Long.parseLong(redis.command("PTTL", cache.sharedKey().value(id).build()));
  }

  @Test
  void theValuesOwnTtlSetsItsLifeInRedisJittered() {
    try (CacheRuntime runtime = redisRuntime()) {
      Cache<String> cache = runtime.cache(definition("t.redis"));
      long now = clock.millis();
      find(cache, "duration", () -> load("d:20000"));
      find(cache, "instant", () -> load("at:" + (now + 30_000)));
      find(cache, "millis", () -> load("ms:" + (now + 40_000)));
      find(cache, "default", () -> load("plain"));
      find(cache, "longer", () -> load("d:" + TimeUnit.HOURS.toMillis(3)));
      // Each ttl less at most 10 % of jitter, less the real time Redis has counted down since the
      // SET (the test's clock stands still, Redis's does not): up to a second on a busy machine.
      long slack = 1_000;
      assertBetween(18_000 - slack, 20_000, pttl(cache, "duration"));
      assertBetween(27_000 - slack, 30_000, pttl(cache, "instant"));
      assertBetween(36_000 - slack, 40_000, pttl(cache, "millis"));
      assertBetween(270_000 - slack, 300_000, pttl(cache, "default"));
      assertBetween(270_000 - slack, 300_000, pttl(cache, "longer"));
    }
  }

  @Test
  void theInProcessTierLetsGoWhenTheValueExpires() {
    try (CacheRuntime runtime = CacheRuntime.builder().clock(clock).build()) {
      Cache<String> cache = runtime.cache(definition("t.local"));
      find(cache, "short", () -> load("d:10000"));
      find(cache, "short", () -> load("d:10000"));
      assertEquals(1, loads.get());
      clock.advance(Duration.ofSeconds(11)); // within localTtl (1 minute), past its own ttl
      find(cache, "short", () -> load("d:10000"));
      assertEquals(2, loads.get(), "an entry does not outlive its own ttl in L1");
      find(cache, "plain", () -> load("plain"));
      clock.advance(Duration.ofSeconds(30));
      find(cache, "plain", () -> load("plain"));
      assertEquals(3, loads.get(), "a value without its own ttl keeps the cache's");
    }
  }

  /**
   * The in-process tier keeps Caffeine's fixed {@code localTtl} for these caches too; only entries
   * with less than that to live check their own expiry on a read.
   */
  @Test
  void aValueThatOutlivesLocalTtlLeavesTheInProcessTierAtLocalTtl() {
    try (CacheRuntime runtime = CacheRuntime.builder().clock(clock).build()) {
      Cache<String> cache = runtime.cache(definition("t.long"));
      find(cache, "long", () -> load("d:240000"));
      find(cache, "short", () -> load("d:10000"));
      assertEquals(2, loads.get());
      assertBetween(
          59_000, 60_000, runtime.inspect("t.long", "[long]").local().timeToLive().toMillis());
      assertBetween(
          9_000, 10_000, runtime.inspect("t.long", "[short]").local().timeToLive().toMillis());

      clock.advance(Duration.ofSeconds(59));
      find(cache, "long", () -> load("d:240000"));
      assertEquals(2, loads.get(), "held for localTtl");
      clock.advance(Duration.ofSeconds(2));
      find(cache, "long", () -> load("d:240000"));
      assertEquals(3, loads.get(), "not past localTtl, though the value lives four minutes");
    }
  }

  @Test
  void anExpiredValueIsReturnedButNotCached() {
    try (CacheRuntime runtime = redisRuntime()) {
      Cache<String> cache = runtime.cache(definition("t.expired"));
      String past = "at:" + (clock.millis() - 1);
      assertEquals(past, find(cache, "old", () -> load(past)));
      assertEquals(past, find(cache, "old", () -> load(past)));
      assertEquals(2, loads.get());
      assertEquals("0", redis.command("EXISTS", cache.sharedKey().value("old").build()));

      Map<String, String> all =
          cache.getAll(
              List.of("a", "b"),
              Keys::local,
              key -> cache.sharedKey().value(key).build(),
              missing -> Map.of("a", load(past), "b", load("d:60000")));
      assertEquals(Map.of("a", past, "b", "d:60000"), all);
      assertEquals("0", redis.command("EXISTS", cache.sharedKey().value("a").build()));
      assertEquals("1", redis.command("EXISTS", cache.sharedKey().value("b").build()));

      cache.put(Keys.local("b"), cache.sharedKey().value("b").build(), past);
      assertEquals("0", redis.command("EXISTS", cache.sharedKey().value("b").build()));
      assertEquals("fresh", find(cache, "b", () -> "fresh"), "a write of an expired value evicts");
    }
  }

  @Test
  void conversionsSaturateAndKeepNullForTheCacheTtl() {
    assertEquals(TtlFrom.CACHE_TTL, Values.ttlMillis((Instant) null, 0));
    assertEquals(TtlFrom.CACHE_TTL, Values.ttlMillis((Long) null, 0));
    assertEquals(Long.MAX_VALUE, Values.ttlMillis(Instant.MAX, 0));
    assertTrue(Values.ttlMillis(Instant.MIN, 0) <= 0);
    assertTrue(Values.ttlMillis(Long.MIN_VALUE, 1) <= 0);
    assertEquals(Long.MAX_VALUE, Values.ttlMillis(Long.MAX_VALUE, -1));
    assertEquals(1500, Values.ttlMillis(Duration.ofMillis(1500), 0));
    assertTrue(Values.ttlMillis(Duration.ofMillis(-5), 0) <= 0);
  }

  @Test
  void slidingCannotUseTtlFrom() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> strings("t.sliding").sliding(true).ttlFrom(OWN_TTL).build());
    assertTrue(e.getMessage().contains("ttlFrom"), e.getMessage());
  }

  private static void assertBetween(long low, long high, long actual) {
    assertTrue(low <= actual && actual <= high, actual + " not in [" + low + ", " + high + "]");
  }
}
