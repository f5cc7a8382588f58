package dev.cachegen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachegen.runtime.internal.WriteBehindDefinition;
import dev.cachegen.runtime.internal.WriteBehindQueue;
import dev.cachegen.testing.Await;
import dev.cachegen.testing.LogCapture;
import dev.cachegen.testing.RedisServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
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

  /** Holds every call of a delegate until it is opened, and tells when the first one came. */
  private static final class Gate {
    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch opened = new CountDownLatch(1);

    /** Called by the delegate: waits until the gate opens (at most 10 s). */
    void pass() throws InterruptedException {
      reached.countDown();
      opened.await(10, TimeUnit.SECONDS);
    }

    void awaitFirstCall() throws InterruptedException {
      assertTrue(reached.await(5, TimeUnit.SECONDS), "no call reached the delegate");
    }

    void open() {
      opened.countDown();
    }
  }

  @Test
  void callsQueuedAfterAFlushAllAreApplied() {
    // The stream and its consumer group are gone; Redis itself never stopped.
    laterCallsAreAllApplied(redis -> assertEquals("OK", redis.command("FLUSHALL")));
  }

  @Test
  void callsQueuedAfterRedisRestartedEmptyAreApplied() {
    laterCallsAreAllApplied(
        redis -> {
          redis.kill();
          redis.restart(); // same port, no persistence: empty
        });
  }

  /**
   * A queue applies a call, Redis loses its data by {@code loss}, and every call queued afterwards
   * is applied, once, through Redis.
   */
  private static void laterCallsAreAllApplied(Consumer<RedisServer> loss) {
    List<Save> applied = new CopyOnWriteArrayList<>();
    try (RedisServer redis = RedisServer.start();
        CacheRuntime runtime = durable(redis).build()) {
      WriteBehindQueue<Save> queue = runtime.writeBehind(saves("Store.save"), applied::add);
      queue.enqueue(new Save("k", 0));
      Await.until(() -> applied.size() == 1);

      loss.accept(redis);

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

  @Test
  void closeWithRedisDownSaysHowManyCallsWereLeftAndWhere() throws Exception {
    List<Save> applied = new CopyOnWriteArrayList<>();
    Gate gate = new Gate();
    try (RedisServer redis = RedisServer.start();
        LogCapture log = LogCapture.start()) {
      CacheRuntime runtime = durable(redis).build();
      WriteBehindQueue<Save> queue =
          runtime.writeBehind(
              saves("Store.save"),
              save -> {
                gate.pass();
                applied.add(save);
              });
      for (int version = 0; version < 50; version++) {
        queue.enqueue(new Save("k", version));
      }
      gate.awaitFirstCall();
      redis.kill(); // no persistence: what waits in the stream is gone
      gate.open();
      runtime.close();

      int left = 50 - applied.size();
      assertTrue(left > 0, "the worker holds one batch at most, not all 50 calls");
      List<String> report =
          log.lines(
              Pattern.compile(
                  "ERROR .*write-behind Store\\.save: close\\(\\) left "
                      + left
                      + " calls .*cachegen:wb:\\{Store\\.save\\}"));
      assertEquals(1, report.size(), log.text());
    }
  }

  @Test
  void closeThatTimesOutSaysHowManyCallsItHandsOverAndTheNextRuntimeAppliesThem() throws Exception {
    Gate gate = new Gate();
    List<Save> appliedByNext = new CopyOnWriteArrayList<>();
    try (RedisServer redis = RedisServer.start();
        LogCapture log = LogCapture.start()) {
      CacheRuntime stuck = durable(redis).writeBehindDrainTimeout(Duration.ofMillis(300)).build();
      WriteBehindQueue<Save> queue =
          stuck.writeBehind(
              saves("Store.save"),
              save -> {
                gate.pass(); // a delegate slower than the drain timeout
              });
      for (int version = 0; version < 20; version++) {
        queue.enqueue(new Save("k", version));
      }
      gate.awaitFirstCall();
      try {
        stuck.close();
        List<String> report =
            log.lines(
                Pattern.compile(
                    "ERROR .*write-behind Store\\.save: close\\(\\) left 20 calls in"
                        + " cachegen:wb:\\{Store\\.save\\} .* after \\d+ ms"));
        assertEquals(1, report.size(), log.text());

        try (CacheRuntime next = durable(redis).build()) {
          next.writeBehind(saves("Store.save"), appliedByNext::add);
          Await.until(() -> versions(appliedByNext).equals(range(0, 19)));
        }
      } finally {
        gate.open();
      }
    }
  }

  @Test
  void closeOfAnInMemoryQueueThatTimesOutSaysHowManyCallsAreLost() throws Exception {
    Gate gate = new Gate();
    try (LogCapture log = LogCapture.start()) {
      CacheRuntime runtime =
          CacheRuntime.builder().writeBehindDrainTimeout(Duration.ofMillis(200)).build();
      WriteBehindQueue<Save> queue =
          runtime.writeBehind(
              saves("Store.save"),
              save -> {
                gate.pass();
              });
      for (int version = 0; version < 5; version++) {
        queue.enqueue(new Save("k", version));
      }
      gate.awaitFirstCall();
      runtime.close();
      gate.open();

      List<String> report =
          log.lines(Pattern.compile("ERROR .*write-behind Store\\.save: close\\(\\) left 5 calls"));
      assertEquals(1, report.size(), log.text());
    }
  }

  @Test
  void aRedisThatDoesNotPersistIsReportedLoudlyOncePerRuntime() {
    List<Save> applied = new CopyOnWriteArrayList<>();
    try (RedisServer redis = RedisServer.start(); // --save "" --appendonly no
        LogCapture log = LogCapture.start();
        CacheRuntime runtime = durable(redis).build()) {
      runtime.writeBehind(saves("Store.save"), applied::add).enqueue(new Save("a", 1));
      runtime.writeBehind(saves("Store.other"), applied::add).enqueue(new Save("b", 2));
      Await.until(() -> applied.size() == 2);

      List<String> warnings =
          log.lines(
              Pattern.compile(
                  "WARN .*Redis at redis://127\\.0\\.0\\.1:"
                      + redis.port()
                      + "/0 does not persist"));
      assertEquals(1, warnings.size(), log.text());
      assertTrue(warnings.get(0).contains("lost"), warnings.get(0));
    }
  }

  @Test
  void aForbiddenConfigCommandReadsAsUnknownAndTheQueueStillWorks() {
    List<Save> applied = new CopyOnWriteArrayList<>();
    try (RedisServer redis = RedisServer.start();
        LogCapture log = LogCapture.start()) {
      assertEquals(
          "OK",
          redis.command(
              "ACL", "SETUSER", "app", "on", ">secret", "~*", "&*", "+@all", "-config", "-info"));
      String uri = "redis://app:secret@127.0.0.1:" + redis.port();
      try (CacheRuntime runtime =
          CacheRuntime.builder().redis(uri).writeBehindClaimAfter(Duration.ofMillis(300)).build()) {
        WriteBehindQueue<Save> queue = runtime.writeBehind(saves("Store.save"), applied::add);
        for (int version = 1; version <= 10; version++) {
          queue.enqueue(new Save("k", version));
        }
        Await.until(() -> applied.size() == 10);
        assertEquals(range(1, 10), versions(applied));
        assertEquals(0, queue.stats().appliedSynchronously(), "the queue kept using Redis");
      }
      List<String> unknown =
          log.lines(Pattern.compile("WARN .*cannot tell whether Redis at .* persists \\(unknown"));
      assertEquals(1, unknown.size(), log.text());
    }
  }
}
