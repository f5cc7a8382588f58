package dev.cachegen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachegen.runtime.internal.WriteBehindDefinition;
import dev.cachegen.runtime.internal.WriteBehindQueue;
import dev.cachegen.testing.Await;
import dev.cachegen.testing.RedisExtension;
import dev.cachegen.testing.RedisServer;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Write-behind queues, in memory and in Redis, from one spec. */
class WriteBehindTest {
  @RegisterExtension static final RedisExtension redis = RedisExtension.perClass();

  /** What a generated decorator records for {@code void save(String id, int version)}. */
  record Save(String id, int version) {}

  private static CacheRuntime runtime(boolean durable) {
    return runtime(durable, redis.newPrefix());
  }

  private static CacheRuntime runtime(boolean durable, String prefix) {
    CacheRuntime.Builder builder =
        CacheRuntime.builder().writeBehindClaimAfter(Duration.ofMillis(300));
    return durable ? builder.redis(redis.uri()).keyPrefix(prefix).build() : builder.build();
  }

  private static WriteBehindDefinition.Builder<Save> saves() {
    return WriteBehindDefinition.<Save>builder("Store.save", Save.class)
        .initialBackoff(Duration.ofMillis(5));
  }

  @ParameterizedTest(name = "durable={0}")
  @ValueSource(booleans = {false, true})
  void everyCallIsAppliedOnceInOrderAndCloseDrainsTheQueue(boolean durable) {
    List<Save> applied = new CopyOnWriteArrayList<>();
    CacheRuntime runtime = runtime(durable);
    WriteBehindQueue<Save> queue = runtime.writeBehind(saves().build(), applied::add);
    for (int i = 0; i < 50; i++) {
      queue.enqueue(new Save("k" + i, i));
    }
    runtime.close();
    assertEquals(50, applied.size());
    for (int i = 0; i < 50; i++) {
      assertEquals(new Save("k" + i, i), applied.get(i));
    }
  }

  @ParameterizedTest(name = "durable={0}")
  @ValueSource(booleans = {false, true})
  void failuresAreRetriedWithBackoffThenDeadLetteredAndCanBeReplayed(boolean durable)
      throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    List<Save> applied = new CopyOnWriteArrayList<>();
    AtomicInteger failUntil = new AtomicInteger(Integer.MAX_VALUE);
    try (CacheRuntime runtime = runtime(durable)) {
      WriteBehindQueue<Save> queue =
          runtime.writeBehind(
              saves().maxAttempts(3).build(),
              save -> {
                if (attempts.incrementAndGet() <= failUntil.get()) {
                  throw new IOException("database down");
                }
                applied.add(save);
              });
      queue.enqueue(new Save("k", 1));
      Await.until(() -> !runtime.deadLetters("Store.save").isEmpty());
      assertEquals(3, attempts.get());
      DeadLetter letter = runtime.deadLetters("Store.save").get(0);
      assertEquals("{\"id\":\"k\",\"version\":1}", letter.call());
      assertTrue(letter.error().contains("database down"), letter.error());
      assertEquals(3, letter.attempts());
      WriteBehindStats stats = runtime.stats().writeBehind().get("Store.save");
      assertEquals(2, stats.retries());
      assertEquals(1, stats.deadLettered());

      failUntil.set(0);
      assertEquals(1, runtime.replayDeadLetters("Store.save"));
      Await.until(() -> applied.size() == 1);
      assertEquals(new Save("k", 1), applied.get(0));
      assertTrue(runtime.deadLetters("Store.save").isEmpty());
    }
  }

  @ParameterizedTest(name = "durable={0}")
  @ValueSource(booleans = {false, true})
  void coalescingAppliesOnlyTheLatestQueuedWriteOfAKey(boolean durable) throws Exception {
    List<Save> applied = new CopyOnWriteArrayList<>();
    CountDownLatch release = new CountDownLatch(1);
    try (CacheRuntime runtime = runtime(durable)) {
      WriteBehindQueue<Save> queue =
          runtime.writeBehind(
              saves().coalesce(true).build(),
              save -> {
                release.await(5, TimeUnit.SECONDS);
                applied.add(save);
              });
      queue.enqueue("blocker", new Save("blocker", 0));
      for (int version = 1; version <= 5; version++) {
        queue.enqueue("k", new Save("k", version));
      }
      queue.enqueue("other", new Save("other", 1));
      release.countDown();
      Await.until(() -> applied.size() == 3);
      assertEquals(
          List.of(new Save("blocker", 0), new Save("k", 5), new Save("other", 1)), applied);
      assertEquals(4, queue.stats().coalesced());
    }
  }

  @ParameterizedTest(name = "durable={0}")
  @ValueSource(booleans = {false, true})
  void depthAndLagAreVisible(boolean durable) throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (CacheRuntime runtime = runtime(durable)) {
      WriteBehindQueue<Save> queue =
          runtime.writeBehind(saves().build(), save -> release.await(5, TimeUnit.SECONDS));
      for (int i = 0; i < 5; i++) {
        queue.enqueue(new Save("k" + i, i));
      }
      Await.until(() -> queue.stats().lagMillis() >= 20);
      WriteBehindStats stats = queue.stats();
      assertEquals(durable, stats.durable());
      assertTrue(stats.depth() >= 4, "depth " + stats.depth());
      assertTrue(stats.lagMillis() >= 20, "lag " + stats.lagMillis());
      release.countDown();
      Await.until(() -> queue.stats().depth() == 0);
      assertEquals(0, queue.stats().lagMillis());
    }
  }

  @ParameterizedTest(name = "durable={0}")
  @ValueSource(booleans = {false})
  void aFullInMemoryQueueAppliesInTheCallersThread(boolean durable) throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    List<String> threads = new CopyOnWriteArrayList<>();
    try (CacheRuntime runtime = CacheRuntime.builder().writeBehindCapacity(1).build()) {
      WriteBehindQueue<Save> queue =
          runtime.writeBehind(
              saves().build(),
              save -> {
                threads.add(Thread.currentThread().getName());
                if (save.version() == 0) {
                  release.await(5, TimeUnit.SECONDS);
                }
              });
      queue.enqueue(new Save("a", 0)); // taken by the worker, which then blocks
      Await.until(() -> threads.size() == 1);
      queue.enqueue(new Save("b", 1)); // fills the queue
      queue.enqueue(new Save("c", 2)); // no room: applied here
      assertEquals(Thread.currentThread().getName(), threads.get(1));
      assertEquals(1, queue.stats().appliedSynchronously());
      release.countDown();
    }
  }

  @ParameterizedTest(name = "durable={0}")
  @ValueSource(booleans = {true})
  void anotherRuntimeClaimsWhatACrashedOneLeftPending(boolean durable) throws Exception {
    String prefix = redis.keyPrefix();
    CountDownLatch stuck = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    CacheRuntime crashed = runtime(true, prefix);
    WriteBehindQueue<Save> queue =
        crashed.writeBehind(
            saves().build(),
            save -> {
              stuck.countDown();
              never.await(); // stands for a JVM that died while applying
            });
    queue.enqueue(new Save("k", 1));
    assertTrue(stuck.await(5, TimeUnit.SECONDS));

    List<Save> applied = new CopyOnWriteArrayList<>();
    try (CacheRuntime survivor = runtime(true, prefix)) {
      survivor.writeBehind(saves().build(), applied::add);
      Await.until(() -> applied.size() == 1);
      assertEquals(new Save("k", 1), applied.get(0));
    } finally {
      never.countDown();
      crashed.close();
    }
  }

  @ParameterizedTest(name = "durable={0}")
  @ValueSource(booleans = {true})
  void whenRedisIsDownTheWriteIsAppliedAtOnceAndNothingIsLost(boolean durable) {
    try (RedisServer owned = RedisServer.start()) {
      List<Save> applied = new CopyOnWriteArrayList<>();
      try (CacheRuntime runtime =
          CacheRuntime.builder().redis(owned.uri()).redisTimeout(Duration.ofMillis(200)).build()) {
        WriteBehindQueue<Save> queue = runtime.writeBehind(saves().build(), applied::add);
        owned.kill();
        queue.enqueue(new Save("k", 1));
        assertEquals(List.of(new Save("k", 1)), applied, "applied before enqueue returned");
        assertEquals(1, queue.stats().appliedSynchronously());

        AtomicInteger calls = new AtomicInteger();
        WriteBehindQueue<Save> failing =
            runtime.writeBehind(
                WriteBehindDefinition.<Save>builder("Store.fail", Save.class).build(),
                save -> {
                  calls.incrementAndGet();
                  throw new IOException("delegate failed too");
                });
        IOException thrown =
            assertThrows(IOException.class, () -> failing.enqueue(new Save("k", 2)));
        assertEquals("delegate failed too", thrown.getMessage());
        assertEquals(1, calls.get());
      }
    }
  }
}
