package dev.cachegen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachegen.runtime.internal.WriteBehindDefinition;
import dev.cachegen.runtime.internal.WriteBehindQueue;
import dev.cachegen.runtime.testing.Await;
import dev.cachegen.runtime.testing.RedisServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Write-behind when Redis loses its data (a restart without persistence, {@code FLUSHALL}) and when
 * {@code close()} cannot finish: no call that {@code enqueue} accepted disappears silently. Every
 * test owns its Redis and breaks it for real.
 */
class WriteBehindDurabilityTest {

  /** What a generated decorator records for {@code void save(String id, int version)}. */
  record Save(String id, int version) {}

  private static WriteBehindDefinition<Save> saves(String name) {
    return WriteBehindDefinition.<Save>builder(name, Save.class)
        .initialBackoff(Duration.ofMillis(5))
        .build();
  }

  private static CacheRuntime.Builder durable(RedisServer redis) {
    return CacheRuntime.builder()
        .redis(redis.uri())
        .redisTimeout(Duration.ofMillis(200))
        .circuitBreaker(3, Duration.ofMillis(200))
        .writeBehindClaimAfter(Duration.ofMillis(300))
        .writeBehindDrainTimeout(Duration.ofSeconds(5));
  }

  /** The versions applied, sorted: each must appear once. */
  private static List<Integer> versions(List<Save> applied) {
    List<Integer> versions = new ArrayList<>();
    applied.forEach(save -> versions.add(save.version()));
    versions.sort(null);
    return versions;
  }

  private static List<Integer> range(int fromInclusive, int toInclusive) {
    List<Integer> all = new ArrayList<>();
    for (int i = fromInclusive; i <= toInclusive; i++) {
      all.add(i);
    }
    return all;
  }

  @Test
  void callsQueuedAfterAFlushAllAreApplied() {
    List<Save> applied = new CopyOnWriteArrayList<>();
    try (RedisServer redis = RedisServer.startOwned();
        CacheRuntime runtime = durable(redis).build()) {
      WriteBehindQueue<Save> queue = runtime.writeBehind(saves("Store.save"), applied::add);
      queue.enqueue(new Save("k", 0));
      Await.until(() -> applied.size() == 1);

      assertEquals("OK", redis.command("FLUSHALL")); // the stream and its consumer group are gone

      for (int version = 1; version <= 100; version++) {
        queue.enqueue(new Save("k", version));
      }
      Await.until(() -> applied.size() == 101);
      assertEquals(range(0, 100), versions(applied));
      assertEquals(0, queue.stats().appliedSynchronously(), "every call went through Redis");
    }
  }

  @Test
  void callsQueuedAfterRedisRestartedEmptyAreApplied() {
    List<Save> applied = new CopyOnWriteArrayList<>();
    try (RedisServer redis = RedisServer.startOwned();
        CacheRuntime runtime = durable(redis).build()) {
      WriteBehindQueue<Save> queue = runtime.writeBehind(saves("Store.save"), applied::add);
      queue.enqueue(new Save("k", 0));
      Await.until(() -> applied.size() == 1);

      redis.kill();
      redis.restart(); // same port, no persistence: empty

      // Calls made while the circuit breaker still skips Redis are applied at once, in this
      // thread; keep calling until Redis takes one again, so that the rest go through the queue.
      long queuedBefore = queue.stats().enqueued();
      int[] version = {0};
      Await.until(
          () -> {
            queue.enqueue(new Save("k", ++version[0]));
            return queue.stats().enqueued() > queuedBefore;
          });
      for (int i = 0; i < 50; i++) {
        queue.enqueue(new Save("k", ++version[0]));
      }
      int last = version[0];
      Await.until(() -> applied.size() == last + 1);
      assertEquals(range(0, last), versions(applied));
      assertTrue(queue.stats().enqueued() - queuedBefore >= 51, "the queue took the later calls");
    }
  }
}
