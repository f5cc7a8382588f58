package dev.cachegen.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * The Redis an L2 benchmark talks to: the one {@code REDIS_URL} names, else a {@code redis-server}
 * started on a free loopback port without persistence and stopped at tear-down. Also reads {@code
 * INFO commandstats}, so a benchmark can count the commands (round trips) its calls cost.
 */
final class LocalRedis implements AutoCloseable {
  private final String uri;
  private final Process process;
  private final Jedis admin;

  private LocalRedis(String uri, Process process) {
    this.uri = uri;
    this.process = process;
    URI parsed = URI.create(uri);
    this.admin = new Jedis(parsed);
  }

  /** {@code REDIS_URL} if set, else a fresh {@code redis-server} on a free port. */
  static LocalRedis start() {
    String fromEnvironment = System.getenv("REDIS_URL");
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      LocalRedis redis = new LocalRedis(fromEnvironment, null);
      redis.admin.ping();
      return redis;
    }
    int port = freePort();
    Process process;
    try {
      process =
          new ProcessBuilder(
                  "redis-server",
                  "--port",
                  String.valueOf(port),
                  "--bind",
                  "127.0.0.1",
                  "--save",
                  "",
                  "--appendonly",
                  "no")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot start redis-server (install it, e.g. apt-get install redis-server, or set"
              + " REDIS_URL): "
              + e,
          e);
    }
    // A set-up that fails after this point never reaches its tear-down, and JMH then ends the
    // fork: the hook keeps the server from outliving it.
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "stop redis-server"));
    LocalRedis redis = new LocalRedis("redis://127.0.0.1:" + port, process);
    redis.awaitReady(Duration.ofSeconds(10));
    return redis;
  }

  /** The URI to hand to {@code CacheRuntime.Builder.redis}. */
  String uri() {
    return uri;
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

  /** Removes every key, so each trial starts from an empty server. */
  void flush() {
    admin.flushAll();
  }

  @Override
  public void close() {
    admin.close();
    if (process != null) {
      process.destroy();
      try {
        process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }

  private void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Exception> failures = new ArrayList<>();
    while (System.nanoTime() - deadline < 0) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "redis-server exited with " + process.exitValue() + " before accepting connections");
      }
      try {
        admin.ping();
        return;
      } catch (JedisConnectionException e) {
        failures.add(e);
        admin.disconnect();
        try {
          Thread.sleep(20);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    process.destroyForcibly();
    throw new IllegalStateException(
        "redis-server did not answer within " + timeout + ": " + failures.get(failures.size() - 1));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port on loopback: " + e, e);
    }
  }
}
