package dev.cachegen.runtime;

import static dev.cachegen.runtime.TestCaches.find;
import static dev.cachegen.runtime.TestCaches.strings;
import static dev.cachegen.runtime.TestRuntimes.awaitSubscribed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachegen.runtime.internal.Cache;
import dev.cachegen.runtime.internal.Keys;
import dev.cachegen.runtime.internal.Tags;
import dev.cachegen.runtime.internal.WriteBehindDefinition;
import dev.cachegen.runtime.internal.WriteBehindQueue;
import dev.cachegen.testing.Await;
import dev.cachegen.testing.RedisCluster;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Cache-aside, coherence, tags and write-behind on a real three-master Redis Cluster. */
class ClusterTest {
  private static RedisCluster cluster;

  @BeforeAll
  static void startCluster() {
    cluster = RedisCluster.start();
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  private static CacheRuntime node(String prefix) {
    return CacheRuntime.builder()
        .redisCluster(cluster.uris())
        .keyPrefix(prefix)
        .writeBehindClaimAfter(Duration.ofMillis(500))
        .build();
  }

  private static String prefix() {
    return "k" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void entriesSpreadOverEverySlotAndAreSharedBetweenRuntimes() {
    String prefix = prefix();
    try (CacheRuntime a = node(prefix);
        CacheRuntime b = node(prefix)) {
      Cache<String> onA = a.cache(strings("cl.items").build());
      Cache<String> onB = b.cache(strings("cl.items").build());
      AtomicInteger loads = new AtomicInteger();
      for (int i = 0; i < 60; i++) {
        String id = "id" + i;
        find(onA, id, () -> id + "-" + loads.incrementAndGet());
      }
      for (int i = 0; i < 60; i++) {
        String id = "id" + i;
        assertTrue(find(onB, id, () -> "must come from Redis").startsWith(id + "-"));
      }
      assertEquals(60, loads.get());
      assertEquals(60, b.stats().cache("cl.items").shared().hits());
      // Each load ran under the stampede lock: its scripts touch three keys of one slot.
      assertEquals(60, a.stats().cache("cl.items").lockAcquisitions());
      assertEquals(0, a.stats().cache("cl.items").shared().errors(), "no CROSSSLOT, no fail-open");
      for (int node = 0; node < 3; node++) {
        assertTrue(cluster.keysOn(node) > 0, "node " + node + " holds no key");
      }
    }
  }

  @Test
  void aRuntimeWaitsForAnotherRuntimesLoadAndIsWokenAcrossTheCluster() throws Exception {
    String prefix = prefix();
    try (CacheRuntime a = node(prefix);
        CacheRuntime b = node(prefix)) {
      awaitSubscribed(a);
      awaitSubscribed(b);
      Cache<String> onA = a.cache(strings("cl.stampede").build());
      Cache<String> onB = b.cache(strings("cl.stampede").build());
      AtomicInteger loads = new AtomicInteger();
      CountDownLatch release = new CountDownLatch(1);
      CompletableFuture<String> owner =
          CompletableFuture.supplyAsync(
              () ->
                  find(
                      onA,
                      "hot",
                      () -> {
                        loads.incrementAndGet();
                        assertTrue(release.await(20, TimeUnit.SECONDS));
                        return "loaded by a";
                      }));
      Await.until(() -> loads.get() == 1);
      CompletableFuture<String> waiter =
          CompletableFuture.supplyAsync(
              () -> find(onB, "hot", () -> "b" + loads.incrementAndGet()));
      Await.until(() -> b.stats().cache("cl.stampede").lockWaits() == 1);
      release.countDown();
      assertEquals("loaded by a", owner.get(20, TimeUnit.SECONDS));
      assertEquals("loaded by a", waiter.get(20, TimeUnit.SECONDS));
      assertEquals(1, loads.get(), "one load across both runtimes");
      assertEquals(0, b.stats().cache("cl.stampede").shared().errors());
    }
  }

  @Test
  void tagsAndEvictionsReachEveryRuntimeAcrossSlots() {
    String prefix = prefix();
    try (CacheRuntime a = node(prefix);
        CacheRuntime b = node(prefix)) {
      awaitSubscribed(b);
      Cache<String> onB = b.cache(strings("cl.tagged").build());
      Cache<String> onA = a.cache(strings("cl.tagged").build());
      String tag = Tags.builder().literal("owner:").value(1L).build();
      for (int i = 0; i < 20; i++) {
        String id = "t" + i;
        onB.get(
            Keys.local(id), onB.sharedKey().value(id).build(), new String[] {tag}, null, () -> "v");
      }
      onB.get(Keys.local("untagged"), onB.sharedKey().value("untagged").build(), null, () -> "u");

      a.invalidateTags(tag);
      Await.until(() -> b.stats().eventsReceived() >= 1);
      for (int i = 0; i < 20; i++) {
        assertNull(onB.getIfPresent(Keys.local("t" + i)));
      }
      assertNotNull(onB.getIfPresent(Keys.local("untagged")));
      // Redis still holds the tagged entries, but they read as stale everywhere.
      AtomicInteger loads = new AtomicInteger();
      onA.get(
          Keys.local("t3"),
          onA.sharedKey().value("t3").build(),
          new String[] {tag},
          null,
          () -> "fresh" + loads.incrementAndGet());
      assertEquals(1, loads.get());

      onA.invalidate(Keys.local("untagged"), onA.sharedKey().value("untagged").build());
      Await.until(() -> b.stats().eventsReceived() >= 2);
      assertNull(onB.getIfPresent(Keys.local("untagged")));
    }
  }

  record Call(int id) {}

  @Test
  void writeBehindRunsOnTheCluster() {
    List<Integer> applied = new CopyOnWriteArrayList<>();
    try (CacheRuntime runtime = node(prefix())) {
      WriteBehindQueue<Call> queue =
          runtime.writeBehind(
              WriteBehindDefinition.<Call>builder("cl.writes", Call.class).coalesce(true).build(),
              call -> applied.add(call.id()));
      for (int i = 0; i < 30; i++) {
        queue.enqueue("key" + i, new Call(i));
      }
      Await.until(() -> applied.size() == 30);
      assertTrue(queue.stats().durable());
    }
    assertEquals(30, applied.size());
  }
}
