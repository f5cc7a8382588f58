package dev.cachegen.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.runtime.CacheStats;
import dev.cachegen.testing.Await;
import dev.cachegen.testing.RedisExtension;
import dev.cachegen.testing.RedisServer;
import dev.cachegen.tests.fixtures.CachedCatalog;
import dev.cachegen.tests.fixtures.Catalog;
import dev.cachegen.tests.fixtures.CountingCatalog;
import dev.cachegen.tests.fixtures.Owner;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What only a shared tier can do: serve another runtime, expire, survive an outage. */
class SharedTierTest {
  @RegisterExtension static final RedisExtension redis = RedisExtension.perClass();

  @Test
  void aSecondRuntimeWithAnEmptyLocalTierIsServedFromRedis() {
    String prefix = redis.keyPrefix();
    CountingCatalog first = new CountingCatalog();
    CountingCatalog second = new CountingCatalog();
    try (CacheRuntime one = Tiers.MEMORY_AND_REDIS.runtime(redis, prefix);
        CacheRuntime two = Tiers.MEMORY_AND_REDIS.runtime(redis, prefix)) {
      Catalog nodeA = new CachedCatalog(first, one);
      Catalog nodeB = new CachedCatalog(second, two);
      assertEquals(nodeA.item(1), nodeB.item(1));
      assertEquals(nodeA.search("t", "q"), nodeB.search("t", "q"));
      assertEquals(nodeA.countIn("abc"), nodeB.countIn("abc"));
      assertEquals(1, first.calls("item"));
      assertEquals(0, second.calls("item"));
      assertEquals(0, second.calls("search"));
      assertEquals(0, second.calls("countIn"));
      CacheStats stats = two.stats().cache("Catalog.item");
      assertEquals(1, stats.shared().hits());
      assertEquals(0, stats.loads());
    }
  }

  @Test
  void entriesExpireAfterTheirTtl() throws Exception {
    CountingCatalog delegate = new CountingCatalog();
    try (CacheRuntime runtime = Tiers.MEMORY_AND_REDIS.runtime(redis, redis.keyPrefix())) {
      Catalog catalog = new CachedCatalog(delegate, runtime);
      Owner owner = new Owner("o1", "Ann");
      catalog.byOwner(owner); // ttl = "1s", localTtl = "200ms"
      catalog.byOwner(owner);
      assertEquals(1, delegate.calls("byOwner"));
      // Else the entry outlived its ttl.
      Await.until(
          () -> {
            catalog.byOwner(owner);
            return delegate.calls("byOwner") > 1;
          },
          Duration.ofSeconds(5));
      assertEquals(2, delegate.calls("byOwner"));
    }
  }

  @Test
  void theDecoratorFailsOpenWhenRedisDiesAndRecoversWhenItReturns() throws Exception {
    try (RedisServer owned = RedisServer.start();
        CacheRuntime runtime =
            CacheRuntime.builder()
                .redis(owned.uri())
                .keyPrefix(redis.keyPrefix())
                .redisTimeout(Duration.ofMillis(200))
                .circuitBreaker(3, Duration.ofMillis(200))
                .build()) {
      CountingCatalog delegate = new CountingCatalog();
      Catalog catalog = new CachedCatalog(delegate, runtime);
      Await.until("runtime to subscribe to events", () -> runtime.stats().localTierResets() >= 1);
      catalog.item(1);
      owned.kill();
      // The event subscription notices the loss on its own thread and drops the local tier.
      Await.until(() -> runtime.stats().localTierResets() >= 2);
      for (int id = 2; id < 30; id++) {
        long start = System.nanoTime();
        assertEquals("item-" + id, catalog.item(id).name());
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(millis < 1_500, "call took " + millis + " ms with Redis down");
      }
      // Losing Redis also lost the invalidation events, so the local tier was dropped: item 1 is
      // loaded again, and from then on answered locally while Redis stays down.
      assertEquals("item-1", catalog.item(1).name());
      assertEquals("item-1", catalog.item(1).name());
      assertEquals(30, delegate.calls("item"));
      owned.restart();
      // Else the runtime did not go back to Redis.
      AtomicInteger next = new AtomicInteger(100);
      Await.until(
          () -> {
            if (runtime.stats().sharedTierAvailable() && !"0".equals(owned.command("DBSIZE"))) {
              return true;
            }
            catalog.item(next.getAndIncrement());
            return false;
          });
    }
  }
}
