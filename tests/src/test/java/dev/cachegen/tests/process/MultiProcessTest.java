package dev.cachegen.tests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.runtime.internal.Cache;
import dev.cachegen.runtime.internal.CacheEntry;
import dev.cachegen.runtime.internal.Keys;
import dev.cachegen.runtime.internal.Tags;
import dev.cachegen.testing.Await;
import dev.cachegen.testing.ChildJvm;
import dev.cachegen.testing.RedisExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;

/** Two real JVMs on one Redis: this test's and a {@link ChildNode}. */
class MultiProcessTest {
  @RegisterExtension static final RedisExtension redis = RedisExtension.perClass();
  private static RedisClient raw;

  @BeforeAll
  static void connect() {
    raw = RedisClient.create(redis.uri());
  }

  @AfterAll
  static void disconnect() {
    raw.close();
  }

  /** A {@link ChildNode} on this class's Redis, once it is ready. */
  private static ChildJvm childNode(String prefix, String mode) {
    ChildJvm child =
        ChildJvm.builder(ChildNode.class)
            .arguments(redis.uri(), prefix, mode)
            .systemProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn")
            .start();
    try {
      child.expect("ready");
    } catch (AssertionError e) {
      child.kill();
      throw e;
    }
    return child;
  }

  private static void awaitEvents(ChildJvm child, long count) {
    Await.until(() -> Long.parseLong(child.send("events").substring("events ".length())) >= count);
  }

  @Test
  void aWriteAnEvictionAndATagInvalidationInThisJvmReachTheOtherJvmsLocalTier() throws Exception {
    String prefix = redis.keyPrefix();
    try (CacheRuntime here = CacheRuntime.builder().redis(redis.uri()).keyPrefix(prefix).build();
        ChildJvm child = childNode(prefix, "cache")) {
      Cache<String> items = here.cache(ChildNode.ITEMS);

      assertEquals("value child-1-1 loads 1", child.send("get 1"));
      assertEquals("value child-1-1 loads 1", child.send("get 1"), "served by the child's L1");

      items.put(Keys.local("1"), items.sharedKey().value("1").build(), "written-here");
      awaitEvents(child, 1);
      assertEquals("value written-here loads 1", child.send("get 1"), "no stale L1, no load");

      items.invalidate(Keys.local("1"), items.sharedKey().value("1").build());
      awaitEvents(child, 2);
      assertEquals("value child-1-2 loads 2", child.send("get 1"));

      String tag = Tags.builder().literal("owner:").value(7L).build();
      assertEquals("value child-2-3 loads 3", child.send("get 2 " + tag));
      assertEquals("value child-3-4 loads 4", child.send("get 3"));
      here.invalidateTags(tag);
      awaitEvents(child, 3);
      assertEquals("value child-2-5 loads 5", child.send("get 2 " + tag), "tagged: dropped");
      assertEquals("value child-3-4 loads 5", child.send("get 3"), "untagged: kept");
    }
  }

  @Test
  void anEvictionInTheOtherJvmReachesThisOne() throws Exception {
    String prefix = redis.keyPrefix();
    try (CacheRuntime here = CacheRuntime.builder().redis(redis.uri()).keyPrefix(prefix).build();
        ChildJvm child = childNode(prefix, "cache")) {
      Cache<String> items = here.cache(ChildNode.ITEMS);
      Await.until("here to subscribe to events", () -> here.stats().localTierResets() >= 1);
      items.get(Keys.local("9"), items.sharedKey().value("9").build(), null, () -> "here-v1");
      CacheEntry<String> cached = items.getIfPresent(Keys.local("9"));
      assertEquals("here-v1", cached.value());
      assertEquals("ok", child.send("put 9 from-child"));
      // Else this JVM's L1 kept the stale value.
      Await.until(() -> items.getIfPresent(Keys.local("9")) == null);
      assertEquals(
          "from-child",
          items.get(
              Keys.local("9"), items.sharedKey().value("9").build(), null, () -> "must not load"));
    }
  }

  @Test
  void writeBehindCallsSurviveKillDashNineAndAreAppliedAfterARestart() throws Exception {
    String prefix = redis.keyPrefix();
    String hash = prefix + ":applied";
    int calls = 200;
    ChildJvm child = childNode(prefix, "writes");
    assertEquals("enqueued", child.send("enqueue " + hash + " 0 " + calls));
    child.kill(); // while most calls are still queued: the delegate takes 5 ms each
    long appliedByChild = raw.hlen(hash);
    assertTrue(appliedByChild < calls, "the kill came too late to test anything");

    List<Integer> appliedHere = new CopyOnWriteArrayList<>();
    try (CacheRuntime restarted =
        CacheRuntime.builder()
            .redis(redis.uri())
            .keyPrefix(prefix)
            .writeBehindClaimAfter(Duration.ofMillis(500))
            .build()) {
      restarted.writeBehind(
          ChildNode.APPLY,
          call -> {
            appliedHere.add(call.id());
            raw.hincrBy(call.hash(), Integer.toString(call.id()), 1);
          });
      Await.until(() -> raw.hlen(hash) >= calls, Duration.ofSeconds(30));
      Map<String, String> counts = raw.hgetAll(hash);
      assertEquals(calls, counts.size(), "every call that enqueue accepted was applied");
      long duplicates =
          counts.values().stream().mapToLong(count -> Long.parseLong(count) - 1).sum();
      // At least once across a crash: only the call in flight at the kill may run twice.
      assertTrue(duplicates <= 1, duplicates + " calls were applied twice");
      assertTrue(
          appliedHere.size() >= calls - appliedByChild, "the restarted runtime did the rest");
      Await.until(() -> restarted.stats().writeBehind().get("proc.apply").depth() == 0);
    }
  }
}
