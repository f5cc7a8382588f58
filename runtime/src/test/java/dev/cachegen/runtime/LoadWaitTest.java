package dev.cachegen.runtime;

import static dev.cachegen.runtime.TestCaches.find;
import static dev.cachegen.runtime.TestCaches.findAsync;
import static dev.cachegen.runtime.TestCaches.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachegen.runtime.internal.Cache;
import dev.cachegen.runtime.tier.TieredCache;
import dev.cachegen.testing.Await;
import dev.cachegen.testing.RedisExtension;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * Issue 14, item 7: callers waiting for a load they do not run honour interrupts and the optional
 * load timeout, and neither makes them call the delegate themselves.
 */
class LoadWaitTest {
  @RegisterExtension static final RedisExtension redis = RedisExtension.perClass();

  @Test
  void aWaiterForAHungLoadInThisJvmCanBeInterrupted() throws Exception {
    try (CacheRuntime runtime = CacheRuntime.inMemory()) {
      Cache<String> cache = runtime.cache(strings("w.hung").build());
      CountDownLatch release = new CountDownLatch(1);
      AtomicInteger loads = new AtomicInteger();
      CompletableFuture<String> leader =
          CompletableFuture.supplyAsync(
              () ->
                  find(
                      cache,
                      "k",
                      () -> {
                        loads.incrementAndGet();
                        release.await();
                        return "loaded";
                      }));
      Await.until(() -> loads.get() == 1);

      AtomicReference<Throwable> thrown = new AtomicReference<>();
      AtomicReference<Boolean> flagKept = new AtomicReference<>();
      Thread waiter =
          new Thread(
              () -> {
                try {
                  find(cache, "k", () -> "the waiter must not load");
                } catch (Throwable e) {
                  thrown.set(e);
                  flagKept.set(Thread.currentThread().isInterrupted());
                }
              });
      waiter.start();
      Await.until(() -> waiter.getState() == Thread.State.WAITING);
      waiter.interrupt();
      waiter.join(5_000);

      assertInstanceOf(LoadInterruptedException.class, thrown.get());
      assertTrue(flagKept.get(), "the interrupt flag is set again");
      release.countDown();
      assertEquals("loaded", leader.get(5, TimeUnit.SECONDS));
      assertEquals(1, loads.get(), "only the leader called the delegate");
    }
  }

  @Test
  void aWaiterForAnotherJvmsLoadStopsWhenInterruptedAndDoesNotLoad() throws Exception {
    try (CacheRuntime runtime =
            CacheRuntime.builder()
                .redis(redis.uri())
                .keyPrefix(redis.keyPrefix())
                .stampedeWait(Duration.ofSeconds(30))
                .build();
        RedisClient raw = RedisClient.create(redis.uri())) {
      Cache<String> cache = runtime.cache(strings("w.lock").build());
      // Another JVM holds the key's stampede lock and is still loading.
      String lockKey = ((TieredCache<?>) cache).lockKey(cache.sharedKey().value("k").build());
      raw.set(lockKey, "owner-elsewhere", SetParams.setParams().px(60_000));

      AtomicInteger loads = new AtomicInteger();
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      AtomicReference<Boolean> flagKept = new AtomicReference<>();
      Thread waiter =
          new Thread(
              () -> {
                try {
                  find(cache, "k", () -> "loaded here #" + loads.incrementAndGet());
                } catch (Throwable e) {
                  thrown.set(e);
                  flagKept.set(Thread.currentThread().isInterrupted());
                }
              });
      waiter.start();
      Await.until(() -> runtime.stats().cache("w.lock").lockWaits() == 1);
      waiter.interrupt();
      waiter.join(5_000);

      assertInstanceOf(LoadInterruptedException.class, thrown.get());
      assertTrue(flagKept.get(), "the interrupt flag is set again");
      assertEquals(0, loads.get(), "an interrupted waiter does not load behind the lock's back");
    }
  }

  @Test
  void theLoadTimeoutBoundsWaitersAndTheLoadStillLands() throws Exception {
    try (CacheRuntime runtime =
        CacheRuntime.builder().loadTimeout(Duration.ofMillis(200)).build()) {
      Cache<String> cache = runtime.cache(strings("w.slow").build());
      CountDownLatch release = new CountDownLatch(1);
      AtomicInteger loads = new AtomicInteger();
      CompletableFuture<String> leader =
          CompletableFuture.supplyAsync(
              () ->
                  find(
                      cache,
                      "k",
                      () -> {
                        loads.incrementAndGet();
                        release.await();
                        return "slow value";
                      }));
      Await.until(() -> loads.get() == 1);

      long start = System.nanoTime();
      LoadTimeoutException timeout =
          assertThrows(LoadTimeoutException.class, () -> find(cache, "k", () -> "not here"));
      long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertTrue(waitedMillis >= 190 && waitedMillis < 5_000, waitedMillis + " ms");
      assertEquals("w.slow", timeout.cacheName());

      CompletableFuture<String> async = findAsync(cache, "k", () -> null);
      ExecutionException failed =
          assertThrows(ExecutionException.class, () -> async.get(5, TimeUnit.SECONDS));
      assertInstanceOf(LoadTimeoutException.class, failed.getCause());

      release.countDown();
      assertEquals("slow value", leader.get(5, TimeUnit.SECONDS));
      assertEquals("slow value", find(cache, "k", () -> "cached, not loaded again"));
      assertEquals(1, loads.get());
    }
  }

  @Test
  void aNegativeLoadTimeoutIsRefusedNamingTheSetting() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> CacheRuntime.builder().loadTimeout(Duration.ofSeconds(-1)));
    assertTrue(e.getMessage().startsWith("loadTimeout("), e.getMessage());
  }
}
