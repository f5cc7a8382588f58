package dev.cachegen.testing;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Redis that tests (or a benchmark) run against, found in this order:
 *
 * <ol>
 *   <li>the server that the environment variable {@code REDIS_URL} names, such as {@code
 *       redis://:secret@ci-redis:6379/2}, when it is set: shared with whatever else uses it, so
 *       tests must keep to keys of their own (a fresh key prefix each) and must not break it;
 *   <li>else a {@code redis-server} binary from the {@code PATH}, started on a free loopback port
 *       and stopped by {@link #close()};
 *   <li>else a Testcontainers container, when Docker is present;
 *   <li>else a failure that says what to install.
 * </ol>
 *
 * <p>In JUnit 5 tests, {@link RedisExtension} does this once per test class. Outside JUnit:
 *
 * <pre>{@code
 * try (TestRedis redis = TestRedis.locate()) {
 *   CacheRuntime runtime = CacheRuntime.builder().redis(redis.uri()).keyPrefix("bench").build();
 *   ...
 * }
 * }</pre>
 */
public final class TestRedis implements AutoCloseable {
  /** The environment variable that names an existing server. */
  public static final String REDIS_URL = "REDIS_URL";

  private static final Logger log = LoggerFactory.getLogger(TestRedis.class);

  private final URI uri;
  private final RedisServer server; // null for REDIS_URL's server

  private TestRedis(URI uri, RedisServer server) {
    this.uri = uri;
    this.server = server;
  }

  /** {@code REDIS_URL}'s server if set, else a server of this JVM's own; see the class comment. */
  public static TestRedis locate() {
    return locate(System::getenv, RedisContainer::dockerAvailable);
  }

  /**
   * A server of this JVM's own, whatever {@code REDIS_URL} says: for tests that need the server to
   * themselves (that count its commands or flush it) or that break it ({@link #server()}).
   */
  public static TestRedis owned() {
    return new TestRedis(null, RedisServer.start()).logged("owned");
  }

  /** {@link #locate()} with the environment and Docker's presence given, for tests of the order. */
  static TestRedis locate(Function<String, String> environment, BooleanSupplier dockerAvailable) {
    String url = environment.apply(REDIS_URL);
    if (url != null && !url.isBlank()) {
      return new TestRedis(existing(url.trim()), null).logged(REDIS_URL);
    }
    Optional<Path> binary = Executables.find("redis-server", environment.apply("PATH"));
    if (binary.isEmpty() && !dockerAvailable.getAsBoolean()) {
      throw new IllegalStateException(
          "No Redis for the tests: "
              + REDIS_URL
              + " is not set, and there is no redis-server on the PATH and no Docker. To fix it,"
              + " set "
              + REDIS_URL
              + "=redis://host:port to use a Redis that is already running, or "
              + RedisServer.WAYS_TO_HAVE_ONE
              + ".");
    }
    return new TestRedis(null, RedisServer.start(binary, () -> true)).logged("no " + REDIS_URL);
  }

  /** The URI to give {@code CacheRuntime.Builder.redis}, with the user and password if any. */
  public String uri() {
    return server == null ? uri.toString() : server.uri();
  }

  /** The server's host. */
  public String host() {
    return server == null ? uri.getHost() : server.host();
  }

  /** The server's port. */
  public int port() {
    return server == null ? (uri.getPort() == -1 ? 6379 : uri.getPort()) : server.port();
  }

  /** Whether this is {@code REDIS_URL}'s server, which other tests and programs may use too. */
  public boolean isShared() {
    return server == null;
  }

  /**
   * The server this JVM started, for tests that kill, pause or restart it.
   *
   * @throws IllegalStateException when this is {@code REDIS_URL}'s server, which is not ours to
   *     break; such tests use {@link #owned()} or {@link RedisExtension#ownedPerClass()}
   */
  public RedisServer server() {
    if (server == null) {
      throw new IllegalStateException(
          "This Redis is "
              + REDIS_URL
              + "'s ("
              + Resp.redact(uri)
              + "), shared and not ours to break: a test that kills, pauses or restarts Redis"
              + " needs its own, from TestRedis.owned(), RedisExtension.ownedPerClass() or"
              + " RedisServer.start().");
    }
    return server;
  }

  /**
   * Sends one command and returns the reply as text; see {@link RedisServer#command}. Works for
   * {@code REDIS_URL}'s server too, with its user, password and database.
   */
  public String command(String... arguments) {
    return server == null ? Resp.command(uri, arguments) : server.command(arguments);
  }

  /** Stops the server if this JVM started it; leaves {@code REDIS_URL}'s server alone. */
  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
  }

  @Override
  public String toString() {
    return server == null ? REDIS_URL + " " + Resp.redact(uri) : server.toString();
  }

  private static URI existing(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          REDIS_URL + "=" + url + " is not a URI: " + e.getMessage(), e);
    }
    String scheme = uri.getScheme();
    if (uri.getHost() == null
        || !("redis".equalsIgnoreCase(scheme) || "rediss".equalsIgnoreCase(scheme))) {
      throw new IllegalStateException(
          REDIS_URL
              + "="
              + Resp.redact(uri)
              + " is not a Redis URI; expected redis://[user:password@]host[:port][/database]"
              + " or rediss://...");
    }
    if ("redis".equalsIgnoreCase(scheme)) {
      try {
        Resp.command(uri, "PING");
      } catch (IllegalStateException e) {
        throw new IllegalStateException(
            REDIS_URL + "=" + Resp.redact(uri) + " does not answer PING: " + e.getMessage(), e);
      }
    }
    return uri;
  }

  private TestRedis logged(String why) {
    log.info("Redis for the tests ({}): {}", why, this);
    return this;
  }
}
