package dev.cachegen.benchmarks;

import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.testing.Await;
import dev.cachegen.testing.TestRedis;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import redis.clients.jedis.Jedis;

/**
 * The Redis an L2 benchmark talks to, found as the tests find theirs ({@link TestRedis#locate()}):
 * the one {@code REDIS_URL} names, else a {@code redis-server} started on a free loopback port
 * without persistence and stopped at tear-down (or, should the JMH fork die first, when its JVM
 * exits). Also reads {@code INFO commandstats}, so a benchmark can count the commands (round trips)
 * its calls cost.
 */
final class LocalRedis implements AutoCloseable {
  private final TestRedis redis;
  private final Jedis admin;

  private LocalRedis(TestRedis redis) {
    this.redis = redis;
    this.admin = new Jedis(URI.create(redis.uri()));
  }

  /** {@code REDIS_URL} if set, else a fresh {@code redis-server} on a free port. */
  static LocalRedis start() {
    return new LocalRedis(TestRedis.locate());
  }

  /** The URI to hand to {@code CacheRuntime.Builder.redis}. */
  String uri() {
    return redis.uri();
  }

  /** Calls per command since the server started (or since the last {@code CONFIG RESETSTAT}). */
  Map<String, Long> commandCounts() {
    Map<String, Long> counts = new TreeMap<>();
    for (String line : admin.info("commandstats").split("\r?\n")) {
      // cmdstat_get:calls=123,usec=456,usec_per_call=3.7,rejected_calls=0,failed_calls=0
      if (!line.startsWith("cmdstat_")) {
        continue;
      }
      int colon = line.indexOf(':');
      String command = line.substring("cmdstat_".length(), colon);
      int callsStart = line.indexOf("calls=", colon) + "calls=".length();
      int callsEnd = line.indexOf(',', callsStart);
      counts.put(command, Long.parseLong(line.substring(callsStart, callsEnd)));
    }
    return counts;
  }

  /**
   * The commands run between two {@link #commandCounts()} snapshots, without the {@code INFO} that
   * took the second snapshot.
   */
  static Map<String, Long> difference(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> difference = new TreeMap<>();
    after.forEach(
        (command, calls) -> {
          long delta = calls - before.getOrDefault(command, 0L);
          if (command.equals("info")) {
            delta -= 1;
          }
          if (delta != 0) {
            difference.put(command, delta);
          }
        });
    return difference;
  }

  /**
   * Waits until {@code runtime}'s event subscription is in place. Subscribing drops what a runtime
   * knows (in-process entries, cache generations), so before it a miss may also read its cache's
   * generation again: a round trip that is not part of a miss once the runtime runs.
   */
  static void awaitSubscribed(CacheRuntime runtime) {
    Await.until(
        runtime + " to subscribe to its events",
        () -> runtime.stats().localTierResets() > 0,
        Duration.ofSeconds(10));
  }

  /** Removes every key, so each trial starts from an empty server. */
  void flush() {
    admin.flushAll();
  }

  @Override
  public void close() {
    admin.close();
    redis.close();
  }
}
