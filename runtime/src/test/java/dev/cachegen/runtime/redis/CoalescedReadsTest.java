package dev.cachegen.runtime.redis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachegen.runtime.shared.SharedTierException;
import dev.cachegen.testing.RedisExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;

/**
 * Reads of many threads over a small pool share round trips: every caller gets its own key's value
 * (or its own key's error), none waits for a pooled connection until it gives up, and Redis sees
 * fewer reads of its socket than commands.
 */
class CoalescedReadsTest {
  @RegisterExtension static final RedisExtension redis = RedisExtension.ownedPerClass();
  private static RedisClient raw;

  @BeforeAll
  static void connect() {
    raw = RedisClient.create(redis.uri());
  }

  @AfterAll
  static void disconnect() {
    raw.close();
  }

  /** A tier of two connections: one flusher for reads, so 64 threads must share its flushes. */
  private static RedisSharedTier smallPool() {
    return RedisSharedTier.standalone(
        RedisEndpoint.parse(redis.uri()),
        new RedisSharedTier.RedisSettings(
            Duration.ofMillis(250), 2, 3, Duration.ofSeconds(30), null));
  }

  @Test
  void sixtyFourThreadsOverOneFlusherEachReadTheirOwnKeyAndNeverWaitOutThePool() throws Exception {
    String prefix = redis.newPrefix() + ":";
    for (int i = 0; i < 1_024; i++) {
      raw.set(prefix + i, "value-" + i);
    }
    long readsBefore = stat("total_reads_processed");
    long commandsBefore = stat("total_commands_processed");
    int perThread = 500;
    ExecutorService threads = Executors.newFixedThreadPool(64);
    try (RedisSharedTier tier = smallPool()) {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> workers = new ArrayList<>();
      for (int t = 0; t < 64; t++) {
        workers.add(
            threads.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < perThread; i++) {
                    int key = ThreadLocalRandom.current().nextInt(1_100); // some are absent
                    byte[] value = tier.get(prefix + key);
                    if (key < 1_024) {
                      assertArrayEquals(bytes("value-" + key), value, "key " + key);
                    } else {
                      assertNull(value, "key " + key);
                    }
                  }
                  return perThread;
                }));
      }
      start.countDown();
      for (Future<Integer> worker : workers) {
        assertEquals(perThread, worker.get(60, TimeUnit.SECONDS), "no read failed or was busy");
      }
      assertTrue(tier.isAvailable(), "the breaker never opened");
    } finally {
      threads.shutdownNow();
    }
    long reads = stat("total_reads_processed") - readsBefore;
    long commands = stat("total_commands_processed") - commandsBefore;
    assertTrue(commands >= 64 * perThread, "every read reached Redis: " + commands);
    assertTrue(
        reads < commands / 2,
        "reads shared socket reads (pipelined flushes): " + reads + " for " + commands);
  }

  @Test
  void aKeyOfAnotherTypeFailsOnlyItsOwnReadInAFlush() throws Exception {
    String prefix = redis.newPrefix() + ":";
    raw.set(prefix + "string", "s");
    raw.hset(prefix + "hash", "f", "v");
    ExecutorService threads = Executors.newFixedThreadPool(32);
    try (RedisSharedTier tier = smallPool()) {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < 32; t++) {
        boolean hash = t % 4 == 0;
        workers.add(
            threads.submit(
                () -> {
                  for (int i = 0; i < 200; i++) {
                    if (hash) {
                      SharedTierException refused =
                          assertThrows(SharedTierException.class, () -> tier.get(prefix + "hash"));
                      assertEquals(SharedTierException.Reason.WRONG_TYPE, refused.reason());
                    } else {
                      assertArrayEquals(bytes("s"), tier.get(prefix + "string"));
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> worker : workers) {
        worker.get(60, TimeUnit.SECONDS);
      }
      assertTrue(tier.isAvailable(), "a refused key is no outage");
    } finally {
      threads.shutdownNow();
    }
  }

  private static long stat(String name) {
    for (String line : raw.info("stats").split("\r?\n")) {
      if (line.startsWith(name + ":")) {
        return Long.parseLong(line.substring(name.length() + 1).trim());
      }
    }
    throw new AssertionError("INFO stats has no " + name);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
