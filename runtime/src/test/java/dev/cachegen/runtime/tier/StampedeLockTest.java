package dev.cachegen.runtime.tier;

import static dev.cachegen.runtime.TestCaches.find;
import static dev.cachegen.runtime.TestCaches.findAsync;
import static dev.cachegen.runtime.TestCaches.strings;
import static dev.cachegen.runtime.TestRuntimes.awaitSubscribed;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachegen.annotations.StampedePolicy;
import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.runtime.CacheStats;
import dev.cachegen.runtime.StampedeTimeoutException;
import dev.cachegen.runtime.StampedeTimeoutPolicy;
import dev.cachegen.runtime.internal.AsyncLoader;
import dev.cachegen.runtime.internal.Cache;
import dev.cachegen.runtime.internal.Keys;
import dev.cachegen.runtime.internal.Loader;
import dev.cachegen.runtime.redis.RedisEndpoint;
import dev.cachegen.runtime.redis.RedisSharedTier;
import dev.cachegen.runtime.shared.KeySpace;
import dev.cachegen.runtime.shared.LockKeys;
import dev.cachegen.runtime.shared.SharedTier;
import dev.cachegen.testing.Await;
import dev.cachegen.testing.RedisExtension;
import dev.cachegen.testing.RedisServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * {@code StampedePolicy.LOCK} across runtimes on a real Redis: one load per key, the lock released
 * by its owner only, a crashed owner's lease ending, the timeout policies, and fail-open.
 */
class StampedeLockTest {
  @RegisterExtension static final RedisExtension redis = RedisExtension.perClass();
  private static RedisClient raw;
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @BeforeAll
  static void connect() {
    raw = RedisClient.create(redis.uri());
  }

  @AfterAll
  static void disconnect() {
    raw.close();
  }

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  private static CacheRuntime.Builder node(String prefix) {
    return CacheRuntime.builder()
        .redis(redis.uri())
        .keyPrefix(prefix)
        .stampedeWait(Duration.ofSeconds(30));
  }

  /** A delegate that counts its calls and blocks until the test releases it. */
  private static final class GatedDelegate implements Loader<String> {
    final AtomicInteger calls = new AtomicInteger();
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public String load() throws Exception {
      int call = calls.incrementAndGet();
      assertTrue(release.await(20, TimeUnit.SECONDS), "the test never released the delegate");
      return "value-" + call;
    }
  }

  private List<Future<String>> callers(Cache<String> cache, int count, Loader<String> load) {
    List<Future<String>> calls = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      calls.add(threads.submit(() -> find(cache, "hot", load)));
    }
    return calls;
  }

  private static void assertAll(List<Future<String>> calls, String expected) throws Exception {
    for (Future<String> call : calls) {
      assertEquals(expected, call.get(20, TimeUnit.SECONDS));
    }
  }

  @Test
  void manyThreadsInOneJvmSendOneLockAttemptAndLoadOnce() throws Exception {
    try (CacheRuntime runtime = node(redis.keyPrefix()).build()) {
      Cache<String> cache = runtime.cache(strings("s.one").build());
      GatedDelegate delegate = new GatedDelegate();
      List<Future<String>> calls = callers(cache, 32, delegate);
      Await.until(() -> delegate.calls.get() >= 1);
      delegate.release.countDown();
      assertAll(calls, "value-1");
      assertEquals(1, delegate.calls.get());
      CacheStats stats = runtime.stats().cache("s.one");
      assertEquals(1, stats.lockAcquisitions(), "local single flight in front of the lock");
      assertEquals(0, stats.lockWaits());
      assertFalse(
          raw.exists(((TieredCache<?>) cache).lockKey(cache.sharedKey().value("hot").build())),
          "released");
    }
  }

  @Test
  void twoRuntimesLoadOnceWhileTheOtherWaitsForTheValue() throws Exception {
    String prefix = redis.keyPrefix();
    try (CacheRuntime first = node(prefix).build();
        CacheRuntime second = node(prefix).build()) {
      Cache<String> one = first.cache(strings("s.two").build());
      Cache<String> two = second.cache(strings("s.two").build());
      GatedDelegate delegate = new GatedDelegate();
      List<Future<String>> calls = new ArrayList<>(callers(one, 16, delegate));
      calls.addAll(callers(two, 16, delegate));
      // Deterministic: one runtime loads, and the other is seen waiting on the lock.
      Await.until(
          () ->
              delegate.calls.get() == 1
                  && first.stats().cache("s.two").lockWaits()
                          + second.stats().cache("s.two").lockWaits()
                      == 1);
      delegate.release.countDown();
      assertAll(calls, "value-1");
      assertEquals(1, delegate.calls.get(), "one load across both runtimes");
      CacheStats a = first.stats().cache("s.two");
      CacheStats b = second.stats().cache("s.two");
      assertEquals(1, a.loads() + b.loads());
      assertEquals(1, a.lockAcquisitions() + b.lockAcquisitions());
    }
  }

  @Test
  void asyncCallersOfTwoRuntimesLoadOnce() throws Exception {
    String prefix = redis.keyPrefix();
    try (CacheRuntime first = node(prefix).build();
        CacheRuntime second = node(prefix).build()) {
      Cache<String> one = first.cache(strings("s.async").build());
      Cache<String> two = second.cache(strings("s.async").build());
      AtomicInteger calls = new AtomicInteger();
      CompletableFuture<String> source = new CompletableFuture<>();
      AsyncLoader<String> loader =
          () -> {
            calls.incrementAndGet();
            return source;
          };
      CompletableFuture<String> fromOne = findAsync(one, "k", loader);
      Await.until(() -> calls.get() == 1);
      CompletableFuture<String> fromTwo = findAsync(two, "k", loader);
      Await.until(() -> second.stats().cache("s.async").lockWaits() == 1);
      source.complete("async value");
      assertEquals("async value", fromOne.get(20, TimeUnit.SECONDS));
      assertEquals("async value", fromTwo.get(20, TimeUnit.SECONDS));
      assertEquals(1, calls.get());
    }
  }

  @Test
  void onlyTheOwnersTokenReleasesTheLock() {
    RedisSharedTier tier =
        RedisSharedTier.standalone(
            RedisEndpoint.parse(redis.uri()),
            new RedisSharedTier.RedisSettings(
                Duration.ofSeconds(1), 2, 3, Duration.ofSeconds(1), null));
    try (tier) {
      KeySpace space = new KeySpace(redis.newPrefix());
      LockKeys keys = space.lockKeys(space.entryNamespace("c", "1") + "k}");
      String channel = space.eventChannel();
      assertTrue(tier.lockAndRead(keys, "owner", 60_000, true, true).locked());
      assertFalse(tier.lockAndRead(keys, "intruder", 60_000, false, true).locked(), "NX: held");
      assertFalse(raw.exists(keys.waiters()), "a caller that does not wait marks nothing");
      assertFalse(
          tier.storeAndUnlock(keys, "intruder", null, 0, false, channel, "-"),
          "a foreign token deletes nothing");
      assertEquals("owner", raw.get(keys.lock()));
      assertTrue(raw.pttl(keys.lock()) > 0, "the lock carries its lease");
      assertTrue(tier.storeAndUnlock(keys, "owner", null, 0, false, channel, "-"));
      assertFalse(raw.exists(keys.lock()));

      // An owner whose lease ran out must not release its successor's lock; its value is stored.
      assertTrue(tier.lockAndRead(keys, "slow owner", 50, true, true).locked());
      Await.until(() -> !raw.exists(keys.lock()));
      SharedTier.LockedRead successor = tier.lockAndRead(keys, "successor", 60_000, true, true);
      assertTrue(successor.locked());
      assertNull(successor.value());
      byte[] late = "late".getBytes(StandardCharsets.UTF_8);
      assertFalse(tier.storeAndUnlock(keys, "slow owner", late, 60_000, false, channel, "-"));
      assertEquals("successor", raw.get(keys.lock()));
      assertEquals("late", raw.get(keys.entry()));
      assertTrue(tier.storeAndUnlock(keys, "successor", null, 0, false, channel, "-"));

      // Over a value: only a caller that asks locks; the others look at the value first.
      SharedTier.LockedRead look = tier.lockAndRead(keys, "third", 60_000, true, false);
      assertFalse(look.locked());
      assertArrayEquals(late, look.value());
      assertFalse(raw.exists(keys.lock()), "no lock taken over a value by a mere look");
      SharedTier.LockedRead over = tier.lockAndRead(keys, "fourth", 60_000, true, true);
      assertTrue(over.locked());
      assertArrayEquals(late, over.value());
    }
  }

  @Test
  void aWaiterMarksTheLockAndOnlyThenDoesTheReleasePublish() throws Exception {
    RedisSharedTier tier =
        RedisSharedTier.standalone(
            RedisEndpoint.parse(redis.uri()),
            new RedisSharedTier.RedisSettings(
                Duration.ofSeconds(1), 2, 3, Duration.ofSeconds(1), null));
    KeySpace space = new KeySpace(redis.newPrefix());
    String channel = space.eventChannel();
    BlockingQueue<String> heard = new LinkedBlockingQueue<>();
    JedisPubSub listener =
        new JedisPubSub() {
          @Override
          public void onMessage(String from, String message) {
            heard.add(message);
          }
        };
    Future<?> subscription = threads.submit(() -> raw.subscribe(listener, channel));
    try (tier) {
      Await.until(listener::isSubscribed);
      byte[] value = "v".getBytes(StandardCharsets.UTF_8);
      LockKeys alone = space.lockKeys(space.entryNamespace("c", "1") + "alone}");
      assertTrue(tier.lockAndRead(alone, "owner", 60_000, true, true).locked());
      assertTrue(tier.storeAndUnlock(alone, "owner", value, 60_000, false, channel, "nobody:"));

      LockKeys awaited = space.lockKeys(space.entryNamespace("c", "1") + "awaited}");
      assertTrue(tier.lockAndRead(awaited, "owner", 60_000, true, true).locked());
      assertFalse(tier.lockAndRead(awaited, "waiter", 60_000, true, true).locked());
      assertTrue(raw.exists(awaited.waiters()));
      assertTrue(raw.pttl(awaited.waiters()) > 0, "the mark ends with a lease too");
      assertTrue(tier.storeAndUnlock(awaited, "owner", value, 60_000, true, channel, "woken:"));
      assertEquals("woken:" + awaited.entry(), heard.poll(10, TimeUnit.SECONDS));
      assertFalse(raw.exists(awaited.waiters()), "the mark goes with the lock");
      assertEquals("v", raw.get(awaited.entry()));
      assertEquals("v", raw.get(alone.entry()));
      assertNull(heard.poll(200, TimeUnit.MILLISECONDS), "no wake-up for the lock nobody awaited");
    } finally {
      listener.unsubscribe();
      subscription.get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aCrashedOwnersLeaseEndsAndAWaiterLoads() throws Exception {
    try (CacheRuntime runtime = node(redis.keyPrefix()).build()) {
      Cache<String> cache = runtime.cache(strings("s.crash").build());
      String lockKey = ((TieredCache<?>) cache).lockKey(cache.sharedKey().value("k").build());
      // A lock nobody will release, as a JVM that died while loading leaves it.
      raw.set(lockKey, "crashed-owner", SetParams.setParams().nx().px(300));
      AtomicInteger calls = new AtomicInteger();
      Future<String> waiter =
          threads.submit(() -> find(cache, "k", () -> "loaded-" + calls.incrementAndGet()));
      assertEquals("loaded-1", waiter.get(20, TimeUnit.SECONDS));
      CacheStats stats = runtime.stats().cache("s.crash");
      assertEquals(1, stats.lockWaits(), "it waited for the crashed owner first");
      assertEquals(1, stats.lockAcquisitions(), "then took the expired lock and loaded");
      assertEquals(1, calls.get());
    }
  }

  @Test
  void pastTheWaitBoundAWaiterLoadsOrFailsAsConfigured() throws Exception {
    String prefix = redis.keyPrefix();
    try (CacheRuntime loading =
            node(prefix)
                .stampedeWait(Duration.ofMillis(100))
                .stampedeLease(Duration.ofMinutes(1))
                .build();
        CacheRuntime failing =
            node(prefix)
                .stampedeWait(Duration.ofMillis(100))
                .stampedeTimeoutPolicy(StampedeTimeoutPolicy.FAIL)
                .build()) {
      Cache<String> loads = loading.cache(strings("s.bound").build());
      Cache<String> fails = failing.cache(strings("s.bound").build());
      String lockKey = ((TieredCache<?>) loads).lockKey(loads.sharedKey().value("k").build());
      raw.set(lockKey, "stuck-owner", SetParams.setParams().px(60_000));

      StampedeTimeoutException thrown =
          assertThrows(
              StampedeTimeoutException.class, () -> find(fails, "k", () -> "must not load"));
      assertEquals("s.bound", thrown.cacheName());
      assertEquals(1, failing.stats().cache("s.bound").lockWaits());

      assertEquals("loaded anyway", find(loads, "k", () -> "loaded anyway"));
      assertEquals(1, loading.stats().cache("s.bound").lockWaits());
      assertEquals("stuck-owner", raw.get(lockKey), "the foreign lock is left alone");
    }
  }

  @Test
  void withoutStampedeControlEveryRuntimeAndThreadLoads() throws Exception {
    String prefix = redis.keyPrefix();
    try (CacheRuntime first = node(prefix).build();
        CacheRuntime second = node(prefix).build()) {
      Cache<String> one = first.cache(strings("s.none", StampedePolicy.NONE));
      Cache<String> two = second.cache(strings("s.none", StampedePolicy.NONE));
      CountDownLatch allInside = new CountDownLatch(8);
      AtomicInteger calls = new AtomicInteger();
      Loader<String> delegate =
          () -> {
            calls.incrementAndGet();
            allInside.countDown();
            assertTrue(allInside.await(20, TimeUnit.SECONDS), "not every caller loaded");
            return "v";
          };
      List<Future<String>> all = new ArrayList<>(callers(one, 4, delegate));
      all.addAll(callers(two, 4, delegate));
      assertAll(all, "v");
      assertEquals(8, calls.get());
      assertEquals(0, first.stats().cache("s.none").lockAcquisitions());
      assertEquals(0, second.stats().cache("s.none").lockAcquisitions());
      assertEquals(0, raw.keys(prefix + ":!lock:*").size(), "no lock was taken");
    }
  }

  @Test
  void redisFailingToLockFailsOpen() {
    // A user that may read and publish but not SET: the lock attempt itself fails.
    String user = "nolock" + UUID.randomUUID().toString().substring(0, 6);
    assertEquals(
        "OK", redis.command("ACL", "SETUSER", user, "on", ">pw", "~*", "&*", "+@all", "-set"));
    try (CacheRuntime runtime =
        CacheRuntime.builder()
            .redis("redis://" + user + ":pw@" + redis.host() + ":" + redis.port())
            .keyPrefix(redis.keyPrefix())
            .build()) {
      Cache<String> cache = runtime.cache(strings("s.noperm").build());
      assertEquals("from delegate", find(cache, "k", () -> "from delegate"));
      CacheStats stats = runtime.stats().cache("s.noperm");
      assertEquals(1, stats.loads());
      assertEquals(0, stats.lockAcquisitions());
      assertTrue(stats.shared().errors() >= 1, "the failed lock attempt is counted");
    } finally {
      redis.command("ACL", "DELUSER", user);
    }
  }

  @Test
  void redisDyingWhileAWaiterWaitsFailsOpenAtOnce() throws Exception {
    try (RedisServer owned = RedisServer.start();
        CacheRuntime runtime =
            CacheRuntime.builder()
                .redis(owned.uri())
                .keyPrefix(redis.keyPrefix())
                .redisTimeout(Duration.ofMillis(200))
                .stampedeWait(Duration.ofMinutes(5))
                .build()) {
      Cache<String> cache = runtime.cache(strings("s.dies").build());
      String lockKey = ((TieredCache<?>) cache).lockKey(cache.sharedKey().value("k").build());
      owned.command("SET", lockKey, "owner-elsewhere", "PX", "300000");
      Future<String> waiter = threads.submit(() -> find(cache, "k", () -> "loaded"));
      Await.until(() -> runtime.stats().cache("s.dies").lockWaits() == 1);
      owned.kill();
      // Bounded by the Redis timeout, not by the five-minute wait.
      assertEquals("loaded", waiter.get(20, TimeUnit.SECONDS));
    }
  }

  @Test
  void aFailingOwnerLetsTheWaiterLoadWithoutWaitingOutTheBound() throws Exception {
    String prefix = redis.keyPrefix();
    try (CacheRuntime first = node(prefix).build();
        CacheRuntime second = node(prefix).build()) {
      Cache<String> one = first.cache(strings("s.fails").build());
      Cache<String> two = second.cache(strings("s.fails").build());
      CountDownLatch fail = new CountDownLatch(1);
      Future<String> owner =
          threads.submit(
              () ->
                  find(
                      one,
                      "k",
                      () -> {
                        assertTrue(fail.await(20, TimeUnit.SECONDS));
                        throw new java.io.IOException("database down");
                      }));
      Await.until(() -> first.stats().cache("s.fails").lockAcquisitions() == 1);
      Future<String> waiter = threads.submit(() -> find(two, "k", () -> "second try"));
      Await.until(() -> second.stats().cache("s.fails").lockWaits() == 1);
      fail.countDown();
      ExecutionException thrown = assertThrows(ExecutionException.class, owner::get);
      assertEquals("database down", thrown.getCause().getMessage());
      assertEquals("second try", waiter.get(20, TimeUnit.SECONDS), "well within the 30 s wait");
    }
  }

  @Test
  void aWaiterTakesAValueStoredAfterTheCachesGenerationMoved() throws Exception {
    String prefix = redis.keyPrefix();
    try (CacheRuntime waiting = awaitSubscribed(node(prefix).build());
        CacheRuntime writing = awaitSubscribed(node(prefix).build())) {
      Cache<String> waits = waiting.cache(strings("s.moved").build());
      Cache<String> writes = writing.cache(strings("s.moved").build());
      assertEquals("w", find(waits, "warm", () -> "w")); // the waiter knows the generation
      String sharedKey = waits.sharedKey().value("k").build();
      // A lock whose owner's release will never come, as after a failover that lost it.
      raw.set(
          ((TieredCache<?>) waits).lockKey(sharedKey), "lost", SetParams.setParams().px(60_000));
      Future<String> waiter = threads.submit(() -> find(waits, "k", () -> "must not load"));
      Await.until("the waiter to wait", () -> waiting.stats().cache("s.moved").lockWaits() == 1);

      // Another runtime moves the generation on (as every runtime does after a failover) and
      // writes the key: the waiter hears of the move, and the value answers its call.
      long heard = waiting.stats().eventsReceived();
      writes.invalidateAll();
      Await.until("the move to reach the waiter", () -> waiting.stats().eventsReceived() > heard);
      writes.put(Keys.local("k"), sharedKey, "written after the move");
      assertEquals("written after the move", waiter.get(10, TimeUnit.SECONDS), "not stampedeWait");
    }
  }
}
