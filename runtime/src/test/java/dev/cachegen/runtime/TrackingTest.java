package dev.cachegen.runtime;

import static dev.cachegen.runtime.TestCaches.find;
import static dev.cachegen.runtime.TestCaches.strings;
import static dev.cachegen.runtime.TestRuntimes.awaitSubscribed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachegen.runtime.internal.Cache;
import dev.cachegen.runtime.internal.Keys;
import dev.cachegen.testing.Await;
import dev.cachegen.testing.LogCapture;
import dev.cachegen.testing.RedisExtension;
import dev.cachegen.testing.RedisServer;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * Issue 10, item 3: with {@link CoherenceMode#TRACKING} Redis reports every change of a key of the
 * prefix, so a {@code SET}, {@code DEL} or expiry by a client that is not cachegen (a plain Jedis
 * client here, standing for another service) drops the in-process entry, on a real redis-server.
 */
class TrackingTest {
  @RegisterExtension static final RedisExtension redis = RedisExtension.ownedPerClass();

  /** Another service: a plain client with no cachegen in it. */
  private static RedisClient outside;

  @BeforeAll
  static void connectOutsideService() {
    outside = RedisClient.create(redis.host(), redis.port());
  }

  @AfterAll
  static void disconnectOutsideService() {
    outside.close();
  }

  private static CacheRuntime node(String prefix, CoherenceMode mode) {
    return awaitSubscribed(
        CacheRuntime.builder().redis(redis.uri()).keyPrefix(prefix).coherence(mode).build());
  }

  /**
   * Returns once {@code runtime} applied every report of a change made before this call: Redis
   * sends one connection's reports in order, so the report of a key written now comes last.
   */
  private static void barrier(CacheRuntime runtime, String prefix) {
    String key = prefix + ":!barrier:" + UUID.randomUUID();
    outside.set(key, "1", SetParams.setParams().px(10_000));
    Await.until("the report of " + key, () -> key.equals(runtime.coherence().lastTrackedChange()));
  }

  /**
   * Loads {@code id} into {@code cache}'s in-process tier to stay, and returns its Redis key. The
   * report of the load's own {@code SET} drops the fresh entry once; it then comes back from Redis.
   */
  private static String cached(
      CacheRuntime runtime, String prefix, Cache<String> cache, String id) {
    find(cache, id, () -> "v-" + id);
    barrier(runtime, prefix);
    assertEquals("v-" + id, find(cache, id, () -> "not loaded again"));
    barrier(runtime, prefix);
    assertNotNull(cache.getIfPresent(Keys.local(id)), id + " stays in-process");
    return cache.sharedKey().value(id).build();
  }

  private static void awaitDropped(Cache<String> cache, String id) {
    Await.until(
        id + " to leave the in-process tier", () -> cache.getIfPresent(Keys.local(id)) == null);
  }

  @Test
  void aSetADeleteAndAnExpiryByAnotherServiceDropTheInProcessEntry() {
    String prefix = redis.newPrefix();
    try (CacheRuntime runtime = node(prefix, CoherenceMode.TRACKING)) {
      Cache<String> cache = runtime.cache(strings("t.outside").build());
      String set = cached(runtime, prefix, cache, "set");
      String deleted = cached(runtime, prefix, cache, "del");
      String expiring = cached(runtime, prefix, cache, "exp");

      outside.set(set, "written by another service");
      awaitDropped(cache, "set");
      outside.del(deleted);
      awaitDropped(cache, "del");
      // Setting the expiry is a change too, reported at once; the expiry itself comes later.
      outside.pexpire(expiring, 1_500);
      awaitDropped(cache, "exp");
      assertEquals("v-exp", find(cache, "exp", () -> "not loaded again"), "read from Redis");
      barrier(runtime, prefix);
      assertNotNull(cache.getIfPresent(Keys.local("exp")), "in-process until Redis expires it");
      awaitDropped(cache, "exp");
      assertNull(outside.get(expiring), "Redis let the key expire");
    }
  }

  @Test
  void inEventsModeTheSameDeleteIsNotSeen() {
    String prefix = redis.newPrefix();
    try (CacheRuntime tracking = node(prefix, CoherenceMode.TRACKING);
        CacheRuntime events = node(prefix, CoherenceMode.EVENTS)) {
      Cache<String> onTracking = tracking.cache(strings("t.blind").build());
      Cache<String> onEvents = events.cache(strings("t.blind").build());
      String key = cached(tracking, prefix, onTracking, "k");
      find(onEvents, "k", () -> "v-k");
      outside.del(key);
      awaitDropped(onTracking, "k");
      barrier(tracking, prefix);
      // The contrast that makes the mode worth having: events come only from cachegen runtimes.
      assertNotNull(onEvents.getIfPresent(Keys.local("k")), "EVENTS mode keeps the entry");
    }
  }

  @Test
  void anOwnWriteCostsOneReadFromRedisAndNoLoad() {
    String prefix = redis.newPrefix();
    try (CacheRuntime runtime = node(prefix, CoherenceMode.TRACKING)) {
      Cache<String> cache = runtime.cache(strings("t.own").build());
      find(cache, "k", () -> "v-k");
      barrier(runtime, prefix);
      assertNull(cache.getIfPresent(Keys.local("k")), "the report of our own SET dropped it");
      long hitsFromRedis = cache.stats().shared().hits();
      assertEquals("v-k", find(cache, "k", () -> "loaded again"), "not from the delegate");
      assertEquals(hitsFromRedis + 1, cache.stats().shared().hits(), "one read from Redis");
      barrier(runtime, prefix);
      assertNotNull(cache.getIfPresent(Keys.local("k")), "and then it stays in-process");
    }
  }

  @Test
  void afterTheSubscriptionIsKilledTrackingIsOnAgain() {
    String prefix = redis.newPrefix();
    try (CacheRuntime runtime = node(prefix, CoherenceMode.TRACKING)) {
      Cache<String> cache = runtime.cache(strings("t.reconnect").build());
      long resets = runtime.stats().localTierResets();
      redis.command("CLIENT", "KILL", "TYPE", "pubsub");
      Await.until(
          "the subscription to come back", () -> runtime.stats().localTierResets() >= resets + 2);
      String key = cached(runtime, prefix, cache, "k");
      outside.set(key, "after the reconnect");
      awaitDropped(cache, "k");
    }
  }

  @Test
  void aFlushDropsEveryInProcessEntry() {
    String prefix = redis.newPrefix();
    try (CacheRuntime runtime = node(prefix, CoherenceMode.TRACKING)) {
      Cache<String> first = runtime.cache(strings("t.flush1").build());
      Cache<String> second = runtime.cache(strings("t.flush2").build());
      cached(runtime, prefix, first, "a");
      cached(runtime, prefix, second, "b");
      outside.flushAll();
      awaitDropped(first, "a");
      awaitDropped(second, "b");
    }
  }

  @Test
  void wholeCacheAndTagInvalidationsReachATrackingRuntimeWithoutEvents() {
    String prefix = redis.newPrefix();
    try (CacheRuntime writer = node(prefix, CoherenceMode.TRACKING);
        CacheRuntime reader = node(prefix, CoherenceMode.TRACKING)) {
      Cache<String> all = reader.cache(strings("t.all").build());
      Cache<String> tagged = reader.cache(strings("t.tagged").build());
      cached(reader, prefix, all, "k");
      String[] tags = {"owner:1"};
      Object local = Keys.local("t");
      String sharedKey = tagged.sharedKey().value("t").build();
      tagged.get(local, sharedKey, tags, null, () -> "carries the tag");
      barrier(reader, prefix);
      tagged.get(local, sharedKey, tags, null, () -> "not loaded again");
      barrier(reader, prefix);
      assertNotNull(tagged.getIfPresent(local), "the tagged entry stays in-process");

      writer.cache(strings("t.all").build()).invalidateAll();
      awaitDropped(all, "k");
      writer.invalidateTags("owner:1");
      Await.until("the tag to be invalidated", () -> tagged.getIfPresent(local) == null);
      assertEquals(0, reader.coherence().eventsReceived(), "no cachegen event was needed");
    }
  }

  @Test
  void aClusterWithTrackingFailsTheBuild() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                CacheRuntime.builder()
                    .redisCluster("redis://127.0.0.1:1")
                    .coherence(CoherenceMode.TRACKING)
                    .build());
    assertTrue(e.getMessage().contains("coherence(CoherenceMode.EVENTS)"), e.getMessage());
  }

  @Test
  void aServerThatRefusesTrackingFailsTheCheckAtStart() {
    try (RedisServer server = RedisServer.start()) {
      server.command(
          "ACL", "SETUSER", "notrack", "on", ">pw", "~*", "&*", "+@all", "-client|tracking");
      String uri = "redis://notrack:pw@127.0.0.1:" + server.port();
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class,
              () ->
                  CacheRuntime.builder()
                      .redis(uri)
                      .coherence(CoherenceMode.TRACKING)
                      .verifyOnStart()
                      .build());
      assertTrue(e.getMessage().startsWith("verifyOnStart: "), e.getMessage());
      assertTrue(e.getMessage().contains("refuses CLIENT TRACKING"), e.getMessage());
      assertTrue(e.getMessage().contains("+client|tracking"), e.getMessage());

      // The same user is fine with events only.
      CacheRuntime.builder().redis(uri).verifyOnStart().build().close();

      // Without the check: one ERROR, and the in-process tier is dropped at every attempt.
      try (LogCapture log = LogCapture.start();
          CacheRuntime runtime =
              CacheRuntime.builder().redis(uri).coherence(CoherenceMode.TRACKING).build()) {
        Await.until("two attempts", () -> runtime.stats().localTierResets() >= 2);
        Cache<String> cache = runtime.cache(strings("t.refused").build());
        assertEquals("v", find(cache, "k", () -> "v"), "calls are still answered");
        long resets = runtime.stats().localTierResets();
        Await.until("another attempt", () -> runtime.stats().localTierResets() > resets);
        assertEquals(1, log.lines(Pattern.compile("ERROR.*refuses CLIENT TRACKING")).size());
      }
    }
  }
}
