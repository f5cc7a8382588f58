package dev.cachegen.runtime.tier;

import static dev.cachegen.runtime.TestCaches.find;
import static dev.cachegen.runtime.TestCaches.strings;
import static dev.cachegen.runtime.TestRuntimes.awaitSubscribed;
import static dev.cachegen.runtime.tier.RedisCommandLog.scripted;
import static dev.cachegen.runtime.tier.RedisCommandLog.sent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachegen.annotations.StampedePolicy;
import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.runtime.internal.Cache;
import dev.cachegen.testing.Await;
import dev.cachegen.testing.RedisExtension;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How many round trips a miss costs, counted on the server with {@code MONITOR}: the stampede lock
 * adds one to a plain miss (lock and re-read in one script, store, release and wake-up in another),
 * and publishes a wake-up only when another runtime waits.
 */
class LockRoundTripsTest {
  @RegisterExtension static final RedisExtension redis = RedisExtension.perClass();
  private static RedisCommandLog log;

  @BeforeAll
  static void monitor() throws InterruptedException {
    log = new RedisCommandLog(redis.host(), redis.port());
  }

  @AfterAll
  static void stopMonitoring() {
    log.close();
  }

  /**
   * A runtime whose event subscription is in place: subscribing drops what the runtime knows
   * (in-process entries, generations), so a runtime that just started reads its generation again.
   */
  private static CacheRuntime node(String prefix) {
    return awaitSubscribed(
        CacheRuntime.builder()
            .redis(redis.uri())
            .keyPrefix(prefix)
            .stampedeWait(Duration.ofSeconds(30))
            .build());
  }

  @Test
  void aColdLockedMissIsThreeRoundTripsAndPublishesNothing() throws Exception {
    String prefix = redis.newPrefix();
    try (CacheRuntime runtime = node(prefix)) {
      Cache<String> cache = runtime.cache(strings("rt.lock").build());
      // Connections, the cache's generation and the scripts are in place after a first miss.
      find(cache, "warm", () -> "warm");
      List<RedisCommandLog.Command> commands =
          log.during(prefix, () -> assertEquals("v", find(cache, "cold", () -> "v")));
      assertEquals(List.of("GET", "EVALSHA", "EVALSHA"), sent(commands), commands.toString());
      assertEquals(
          List.of("GET", "SET", "SET", "GET", "DEL", "DEL"), scripted(commands), "no PUBLISH");
      assertEquals(2, runtime.stats().cache("rt.lock").lockAcquisitions(), "warm-up and miss");
    }
  }

  @Test
  void aColdMissWithoutStampedeControlIsAGetAndASet() throws Exception {
    String prefix = redis.newPrefix();
    try (CacheRuntime runtime = node(prefix)) {
      Cache<String> cache = runtime.cache(strings("rt.none", StampedePolicy.NONE));
      find(cache, "warm", () -> "warm");
      List<RedisCommandLog.Command> commands =
          log.during(prefix, () -> assertEquals("v", find(cache, "cold", () -> "v")));
      assertEquals(List.of("GET", "SET"), sent(commands), commands.toString());
    }
  }

  @Test
  void anL2HitIsOneGet() throws Exception {
    String prefix = redis.newPrefix();
    try (CacheRuntime writer = node(prefix);
        CacheRuntime reader = node(prefix)) {
      Cache<String> written = writer.cache(strings("rt.hit").build());
      Cache<String> read = reader.cache(strings("rt.hit").build());
      find(read, "warm", () -> "warm");
      find(written, "k", () -> "stored");
      List<RedisCommandLog.Command> commands =
          log.during(prefix, () -> assertEquals("stored", find(read, "k", () -> "must not load")));
      assertEquals(List.of("GET"), sent(commands), commands.toString());
    }
  }

  @Test
  void theOwnerWakesAWaitingRuntimeWithOnePublishInsideItsReleaseScript() throws Exception {
    String prefix = redis.newPrefix();
    try (CacheRuntime owning = node(prefix);
        CacheRuntime waiting = node(prefix)) {
      Cache<String> owner = owning.cache(strings("rt.wait").build());
      Cache<String> waiter = waiting.cache(strings("rt.wait").build());
      find(owner, "warm", () -> "warm");
      find(waiter, "warm", () -> "warm");
      AtomicInteger loads = new AtomicInteger();
      CountDownLatch release = new CountDownLatch(1);
      List<String> answers = Collections.synchronizedList(new java.util.ArrayList<>());
      List<RedisCommandLog.Command> commands =
          log.during(
              prefix,
              () -> {
                CompletableFuture<String> first =
                    CompletableFuture.supplyAsync(
                        () ->
                            find(
                                owner,
                                "k",
                                () -> {
                                  loads.incrementAndGet();
                                  assertTrue(release.await(20, TimeUnit.SECONDS));
                                  return "loaded once";
                                }));
                Await.until(() -> loads.get() == 1);
                CompletableFuture<String> second =
                    CompletableFuture.supplyAsync(
                        () -> find(waiter, "k", () -> "loaded" + loads.incrementAndGet()));
                Await.until(() -> waiting.stats().cache("rt.wait").lockWaits() == 1);
                release.countDown();
                answers.add(first.join());
                answers.add(second.join());
              });
      assertEquals(List.of("loaded once", "loaded once"), answers);
      assertEquals(1, loads.get());
      assertEquals(
          1, Collections.frequency(scripted(commands), "PUBLISH"), "one wake-up: " + commands);
      assertFalse(sent(commands).contains("PUBLISH"), "the wake-up rides on the release");
    }
  }
}
