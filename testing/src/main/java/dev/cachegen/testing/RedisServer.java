package dev.cachegen.testing;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A Redis server that this JVM started and owns: nobody else uses it, so a test may count its
 * commands, fill it, and break it on purpose. Fault tests are written with one:
 *
 * <pre>{@code
 * try (RedisServer redis = RedisServer.start();
 *     CacheRuntime runtime = CacheRuntime.builder().redis(redis.uri()).build()) {
 *   ...
 *   redis.kill();     // connections drop: the runtime must fail open
 *   ...
 *   redis.restart();  // back on the same port, empty: the runtime must recover by itself
 * }
 * }</pre>
 *
 * <p>It is a {@code redis-server} binary from the {@code PATH}, started on a free loopback port
 * without persistence; on a machine without the binary but with Docker it is a Testcontainers
 * container ({@code redis:7.0-alpine}), which can be killed and paused but not restarted. Without
 * either, {@link #start()} fails with what to install. For a Redis that tests share, and that may
 * be an existing server named by {@code REDIS_URL}, use {@link TestRedis} or {@link
 * RedisExtension}.
 */
public final class RedisServer implements AutoCloseable {
  /** The two ways to have a server of one's own. */
  static final String WAYS_TO_HAVE_ONE =
      RedisProcess.INSTALL
          + ", or install and start Docker so that Testcontainers can run "
          + RedisContainer.IMAGE;

  private final RedisBackend backend;

  private RedisServer(RedisBackend backend) {
    this.backend = backend;
  }

  /**
   * Starts a server of this JVM's own and returns once it answers {@code PING}.
   *
   * @throws IllegalStateException when there is neither a {@code redis-server} on the {@code PATH}
   *     nor Docker; the message says what to install
   */
  public static RedisServer start() {
    return start(Executables.onPath("redis-server"), RedisContainer::dockerAvailable);
  }

  /**
   * Starts a {@code redis-server} process with {@code options} after the defaults, such as {@code
   * --tls-port}, and returns once it answers {@code PING} on its plain port. Needs the binary on
   * the {@code PATH}: options are not passed to a container.
   */
  public static RedisServer startWith(String... options) {
    Path binary =
        Executables.onPath("redis-server")
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "A redis-server with options needs the binary on the PATH; "
                            + WAYS_TO_HAVE_ONE));
    return new RedisServer(RedisProcess.start(binary, List.of(), List.of(options)));
  }

  /** {@link #start()} with the machine's answers given, so that the order can be tested. */
  static RedisServer start(Optional<Path> binary, BooleanSupplier dockerAvailable) {
    if (binary.isPresent()) {
      return new RedisServer(RedisProcess.start(binary.get(), List.of(), List.of()));
    }
    if (dockerAvailable.getAsBoolean()) {
      return new RedisServer(RedisContainer.start());
    }
    throw new IllegalStateException(
        "No Redis server to start: there is no redis-server on the PATH and no Docker. To fix"
            + " it, "
            + WAYS_TO_HAVE_ONE
            + ".");
  }

  /** The server's URI, such as {@code redis://127.0.0.1:41234}, for {@code Builder.redis}. */
  public String uri() {
    return "redis://" + host() + ":" + port();
  }

  /** The host clients connect to ({@code 127.0.0.1} for a process). */
  public String host() {
    return backend.host();
  }

  /** The port clients connect to. */
  public int port() {
    return backend.port();
  }

  /** Whether this is a Testcontainers container rather than a local process. */
  public boolean isContainer() {
    return backend instanceof RedisContainer;
  }

  /**
   * Kills the server at once ({@code SIGKILL}, or {@code docker kill}): connections drop, nothing
   * is saved. {@link #restart()} brings it back.
   */
  public void kill() {
    backend.kill();
  }

  /**
   * Freezes the server ({@code SIGSTOP}, or {@code docker pause}): connections stay open and
   * nothing answers, as with a server stuck in a long command or a network that drops packets.
   */
  public void pause() {
    backend.pause();
  }

  /** Undoes {@link #pause()}: the server answers what it was sent meanwhile. */
  public void resume() {
    backend.resume();
  }

  /**
   * Starts the server again on the same port, empty, as after a crash; kills it first if it still
   * runs. Returns once it answers {@code PING}.
   *
   * @throws UnsupportedOperationException for a container, which would come back on another port
   */
  public void restart() {
    backend.restart();
  }

  /**
   * Sends one command, as {@code redis-cli} would, and returns the reply as text: a status or
   * string as it is ({@code "OK"}, {@code "PONG"}, a value), an integer as its digits, {@code null}
   * for a nil reply, an array as its elements joined by {@code '\n'}. For example {@code
   * command("CONFIG", "SET", "maxmemory", "10mb")} or {@code command("INFO", "commandstats")}.
   *
   * @throws IllegalStateException when Redis answers with an error, or cannot be reached
   */
  public String command(String... arguments) {
    return Resp.command(URI.create(uri()), arguments);
  }

  /** Stops the server (resuming it first if paused) and deletes its files. */
  @Override
  public void close() {
    backend.close();
  }

  @Override
  public String toString() {
    return backend.toString();
  }
}
