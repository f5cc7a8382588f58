package dev.cachegen.runtime;

import static dev.cachegen.runtime.TestCaches.find;
import static dev.cachegen.runtime.TestCaches.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.cachegen.runtime.internal.Cache;
import dev.cachegen.runtime.internal.Keys;
import dev.cachegen.runtime.internal.Tags;
import dev.cachegen.testing.Await;
import dev.cachegen.testing.FaultProxy;
import dev.cachegen.testing.RedisExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;

/**
 * Issue 10, item 1: a write, an eviction, a tag invalidation or a whole-cache invalidation whose
 * Redis side failed (one runtime's path to Redis reset and refused, as during a proxy restart) is
 * remembered and applied as soon as the path works again, so that no runtime serves the value it
 * replaced from Redis after that. Guarantee G5 in docs/ARCHITECTURE.md gives the bound.
 */
class RepairTest {
  @RegisterExtension static final RedisExtension redis = RedisExtension.ownedPerClass();

  /** Repairs land within this of the path healing: breaker probe, retry, one round trip each. */
  private static final Duration REPAIR_BOUND = Duration.ofSeconds(3);

  private static CacheRuntime cutOff(FaultProxy proxy, String prefix) {
    return CacheRuntime.builder()
        .redis(proxy.uri())
        .keyPrefix(prefix)
        .redisTimeout(Duration.ofMillis(200))
        .circuitBreaker(3, Duration.ofMillis(300))
        .build();
  }

  /** A runtime without an in-process tier: every read shows what Redis holds. */
  private static CacheRuntime direct(String prefix) {
    return CacheRuntime.builder().redis(redis.uri()).keyPrefix(prefix).localMaximumSize(0).build();
  }

  @Test
  void writesAndEvictionsWhoseRedisSideFailedAreAppliedWhenThePathHeals() {
    String prefix = redis.keyPrefix();
    try (FaultProxy proxy = FaultProxy.to(redis.host(), redis.port());
        CacheRuntime writer = cutOff(proxy, prefix);
        CacheRuntime reader = direct(prefix);
        RedisClient raw = RedisClient.create(redis.uri())) {
      Cache<String> mine = writer.cache(strings("r.repair").build());
      Cache<String> theirs = reader.cache(strings("r.repair").build());
      assertEquals("v1", find(mine, "put", () -> "v1"));
      assertEquals("v1", find(mine, "evicted", () -> "v1"));
      assertEquals("v1", find(theirs, "put", () -> fail("stored by the writer")));
      byte[] putKey = mine.sharedKey().value("put").build().getBytes(StandardCharsets.UTF_8);
      byte[] evictedKey =
          mine.sharedKey().value("evicted").build().getBytes(StandardCharsets.UTF_8);

      proxy.mode(FaultProxy.Mode.RESET);
      // Both return normally (fail open); their Redis side fails.
      mine.put(Keys.local("put"), mine.sharedKey().value("put").build(), "v2");
      mine.invalidate(Keys.local("evicted"), mine.sharedKey().value("evicted").build());
      assertNotNull(raw.get(putKey), "Redis still holds v1 while the path is cut");
      assertNotNull(raw.get(evictedKey), "and the evicted entry");

      proxy.mode(FaultProxy.Mode.PASS);
      Await.until(
          "the owed invalidations reach Redis",
          () -> raw.get(putKey) == null && raw.get(evictedKey) == null,
          REPAIR_BOUND);
      assertEquals("v3", find(theirs, "put", () -> "v3"), "not the value v2 replaced");
      assertEquals("v3", find(theirs, "evicted", () -> "v3"));
      assertEquals("v3", find(mine, "put", () -> "v4"), "the writer reads what Redis now holds");
    }
  }

  /**
   * Issue 10, item 2: a subscription that silently stops delivering (the path swallows traffic, as
   * a half-open connection or a paused server does) is noticed by its heartbeat within about 2 s,
   * and the runtime drops its in-process tier rather than serve what it may have missed.
   */
  @Test
  void aSilentSubscriptionIsNoticedAndTheInProcessTierDropped() {
    String prefix = redis.keyPrefix();
    try (FaultProxy proxy = FaultProxy.to(redis.host(), redis.port());
        CacheRuntime deaf = TestRuntimes.awaitSubscribed(cutOff(proxy, prefix));
        CacheRuntime writer = CacheRuntime.builder().redis(redis.uri()).keyPrefix(prefix).build()) {
      Cache<String> stale = deaf.cache(strings("r.deaf").build());
      Cache<String> fresh = writer.cache(strings("r.deaf").build());
      assertEquals("v1", find(stale, "k", () -> "v1"));
      long resetsBefore = deaf.stats().localTierResets();

      proxy.mode(FaultProxy.Mode.BLACK_HOLE);
      fresh.put(Keys.local("k"), fresh.sharedKey().value("k").build(), "v2"); // an event it misses
      long start = System.nanoTime();
      Await.until(
          "the heartbeat notices the silence",
          () -> deaf.stats().localTierResets() > resetsBefore,
          Duration.ofSeconds(5));
      long noticedMillis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(noticedMillis < 5_000, noticedMillis + " ms");
      assertNull(stale.getIfPresent(Keys.local("k")), "v1 is no longer served from the L1");
    }
  }

  /**
   * Issue 10, item 2: events are numbered per publisher and cache, so a receiver that misses one
   * (here: it never left the publisher, whose path was cut) drops exactly that cache's in-process
   * entries at the next event it hears, and keeps the other caches'.
   */
  @Test
  void aMissedEventDropsExactlyTheCacheItWasAbout() {
    String prefix = redis.keyPrefix();
    try (FaultProxy proxy = FaultProxy.to(redis.host(), redis.port());
        CacheRuntime publisher = TestRuntimes.awaitSubscribed(cutOff(proxy, prefix));
        CacheRuntime receiver =
            TestRuntimes.awaitSubscribed(
                CacheRuntime.builder().redis(redis.uri()).keyPrefix(prefix).build())) {
      Cache<String> touched = receiver.cache(strings("r.touched").build());
      Cache<String> other = receiver.cache(strings("r.other").build());
      assertEquals("t", find(touched, "unrelated", () -> "t"));
      assertEquals("o", find(other, "k", () -> "o"));
      Cache<String> writes = publisher.cache(strings("r.touched").build());
      long eventsBefore = receiver.stats().eventsReceived();
      writes.put(Keys.local("a"), writes.sharedKey().value("a").build(), "1");
      Await.until(() -> receiver.stats().eventsReceived() > eventsBefore);
      assertNotNull(touched.getIfPresent(Keys.local("unrelated")), "an event in sequence: kept");

      proxy.mode(FaultProxy.Mode.RESET);
      writes.put(Keys.local("b"), writes.sharedKey().value("b").build(), "2"); // never sent
      proxy.mode(FaultProxy.Mode.PASS);
      // The next event of the publisher about r.touched (its repair of "b", or this write) shows
      // the receiver a gap in the sequence.
      Await.until(
          "the gap to drop r.touched's in-process entries",
          () -> {
            writes.put(Keys.local("c"), writes.sharedKey().value("c").build(), "3");
            return touched.getIfPresent(Keys.local("unrelated")) == null;
          },
          REPAIR_BOUND);
      assertNotNull(other.getIfPresent(Keys.local("k")), "and no other cache's");
      assertTrue(receiver.stats().localTierResets() == 1, "no whole-tier reset: only the gap");
    }
  }

  @Test
  void tagAndWholeCacheInvalidationsWhoseRedisSideFailedAreAppliedWhenThePathHeals() {
    String prefix = redis.keyPrefix();
    String tag = Tags.builder().literal("owner:").value(7L).build();
    try (FaultProxy proxy = FaultProxy.to(redis.host(), redis.port());
        CacheRuntime writer = cutOff(proxy, prefix);
        CacheRuntime reader = direct(prefix)) {
      Cache<String> tagged = writer.cache(strings("r.tagged").build());
      Cache<String> whole = writer.cache(strings("r.whole").build());
      assertEquals(
          "v1",
          tagged.get(
              Keys.local("k"),
              tagged.sharedKey().value("k").build(),
              new String[] {tag},
              null,
              () -> "v1"));
      assertEquals("v1", find(whole, "k", () -> "v1"));

      proxy.mode(FaultProxy.Mode.RESET);
      writer.invalidateTags(tag);
      whole.invalidateAll();

      proxy.mode(FaultProxy.Mode.PASS);
      Cache<String> theirTagged = reader.cache(strings("r.tagged").build());
      Cache<String> theirWhole = reader.cache(strings("r.whole").build());
      Await.until(
          "the owed invalidations reach Redis",
          () ->
              "v2"
                      .equals(
                          theirTagged.get(
                              Keys.local("k"),
                              theirTagged.sharedKey().value("k").build(),
                              new String[] {tag},
                              null,
                              () -> "v2"))
                  && "v2".equals(find(theirWhole, "k", () -> "v2")),
          REPAIR_BOUND);
    }
  }
}
