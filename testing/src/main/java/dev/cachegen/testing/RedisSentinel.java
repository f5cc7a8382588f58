package dev.cachegen.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A Redis Sentinel ({@code redis-server --sentinel}) on a free loopback port that monitors one
 * master under a name, so that clients find the master by asking the sentinel:
 *
 * <pre>{@code
 * try (RedisServer master = RedisServer.start();
 *     RedisSentinel sentinel = RedisSentinel.start("cachegen-master", master);
 *     CacheRuntime runtime =
 *         CacheRuntime.builder().redisSentinel(sentinel.masterName(), sentinel.uri()).build()) {
 *   ...
 * }
 * }</pre>
 *
 * <p>One sentinel with a quorum of one, which marks the master down after two seconds without an
 * answer: enough to test discovery, not a highly available set-up. Needs the {@code redis-server}
 * binary on the {@code PATH}.
 */
public final class RedisSentinel implements AutoCloseable {
  private final String masterName;
  private final Path config;
  private final RedisProcess process;

  private RedisSentinel(String masterName, Path config, RedisProcess process) {
    this.masterName = masterName;
    this.config = config;
    this.process = process;
  }

  /**
   * Starts a sentinel that monitors {@code master} as {@code masterName} and returns once it
   * answers {@code PING}.
   */
  public static RedisSentinel start(String masterName, RedisServer master) {
    Path binary =
        Executables.onPath("redis-server")
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "RedisSentinel needs redis-server on the PATH and found none; "
                            + RedisProcess.INSTALL));
    Path config;
    try {
      // The sentinel rewrites its configuration file, so it gets a writable one of its own.
      config = Files.createTempDirectory("cachegen-sentinel-").resolve("sentinel.conf");
      Files.writeString(
          config,
          String.join(
              "\n",
              "sentinel monitor " + masterName + " " + master.host() + " " + master.port() + " 1",
              "sentinel down-after-milliseconds " + masterName + " 2000",
              ""));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the sentinel's configuration", e);
    }
    try {
      return new RedisSentinel(
          masterName,
          config,
          RedisProcess.start(binary, List.of(config.toString(), "--sentinel"), List.of()));
    } catch (RuntimeException e) {
      delete(config);
      throw e;
    }
  }

  /** The name the master is monitored under, for {@code Builder.redisSentinel}. */
  public String masterName() {
    return masterName;
  }

  /** The sentinel's URI, such as {@code redis://127.0.0.1:41235}. */
  public String uri() {
    return "redis://" + process.host() + ":" + port();
  }

  /** The sentinel's port. */
  public int port() {
    return process.port();
  }

  /**
   * Sends one command to the sentinel, such as {@code command("SENTINEL", "MASTERS")}; see {@link
   * RedisServer#command}.
   */
  public String command(String... arguments) {
    return Resp.command(URI.create(uri()), arguments);
  }

  /** The master the sentinel names now, as {@code host:port}. */
  public String master() {
    return command("SENTINEL", "GET-MASTER-ADDR-BY-NAME", masterName).replace('\n', ':');
  }

  /**
   * Makes the sentinel promote the replica ({@code SENTINEL FAILOVER}, asked again while it answers
   * that it is not ready: {@code NOGOODSLAVE}, {@code INPROG}) and waits until it names another
   * master than before; returns that one as {@code host:port}.
   */
  public String failOver(Duration timeout) {
    String before = master();
    Await.until(
        "the sentinel to start a failover",
        () -> {
          try {
            return command("SENTINEL", "FAILOVER", masterName).equals("OK");
          } catch (IllegalStateException e) {
            return false; // not ready yet
          }
        },
        timeout);
    Await.until("the sentinel to name a new master", () -> !master().equals(before), timeout);
    return master();
  }

  /** Stops the sentinel; the master keeps running. */
  @Override
  public void close() {
    process.close();
    delete(config);
  }

  @Override
  public String toString() {
    return "RedisSentinel[" + masterName + " on " + process.host() + ":" + port() + "]";
  }

  private static void delete(Path config) {
    try {
      Files.deleteIfExists(config);
      Files.deleteIfExists(config.getParent());
    } catch (IOException e) {
      // a temporary file left behind is harmless
    }
  }
}
