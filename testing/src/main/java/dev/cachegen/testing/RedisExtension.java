package dev.cachegen.testing;

import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension that gives a test class a real Redis, and each test a key prefix of its own
 * so that tests never see each other's entries:
 *
 * <pre>{@code
 * class ItemServiceTest {
 *   @RegisterExtension static final RedisExtension redis = RedisExtension.perClass();
 *
 *   @Test
 *   void theSecondCallIsCached() {
 *     try (CacheRuntime runtime =
 *         CacheRuntime.builder().redis(redis.uri()).keyPrefix(redis.keyPrefix()).build()) {
 *       ItemService items = new CachedItemService(new CountingItemService(), runtime);
 *       ...
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p>Before the class's {@code @BeforeAll} methods run, the extension finds a Redis as {@link
 * TestRedis#locate()} does: {@code REDIS_URL} if set, else a {@code redis-server} from the {@code
 * PATH} on a free port, else a Testcontainers container when Docker is present, else it fails with
 * what to install. After the class's {@code @AfterAll} methods it stops the server it started.
 * Register it on a {@code static} field: JUnit runs class-level callbacks only for those.
 * {@code @Nested} classes share their outer class's Redis.
 *
 * <p>Tests that break the server ({@code kill}, {@code pause}, {@code restart}) or need it to
 * themselves (counting its commands) use {@link #ownedPerClass()}, which ignores {@code REDIS_URL},
 * and reach the process through {@link #server()}; a test that breaks Redis for itself alone starts
 * a {@link RedisServer} of its own.
 */
public final class RedisExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
  private static final int LABEL_LENGTH = 24;

  private final boolean owned;
  private volatile TestRedis redis;
  private volatile String startedBy;
  private volatile String label = "test";
  private volatile String keyPrefix;

  private RedisExtension(boolean owned) {
    this.owned = owned;
  }

  /** A Redis per test class, {@code REDIS_URL}'s server when it is set. */
  public static RedisExtension perClass() {
    return new RedisExtension(false);
  }

  /**
   * A Redis per test class that the class owns, started even when {@code REDIS_URL} is set, so that
   * {@link #server()} may kill, pause and restart it.
   */
  public static RedisExtension ownedPerClass() {
    return new RedisExtension(true);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (redis != null) {
      return; // a @Nested class inside the class that started it
    }
    label = label(context.getRequiredTestClass());
    redis = owned ? TestRedis.owned() : TestRedis.locate();
    startedBy = context.getUniqueId();
    keyPrefix = newPrefix();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    redis();
    keyPrefix = newPrefix();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (context.getUniqueId().equals(startedBy)) {
      TestRedis started = redis;
      redis = null;
      startedBy = null;
      started.close();
    }
  }

  /** The Redis of the running test class. */
  public TestRedis redis() {
    TestRedis current = redis;
    if (current == null) {
      throw new IllegalStateException(
          "RedisExtension has no Redis: it starts one before a test class runs, which JUnit"
              + " tells it only when it sits on a static field: @RegisterExtension static final"
              + " RedisExtension redis = RedisExtension.perClass();");
    }
    return current;
  }

  /**
   * The URI to give {@code CacheRuntime.Builder.redis}, such as {@code redis://127.0.0.1:41234}.
   */
  public String uri() {
    return redis().uri();
  }

  /** The server's host. */
  public String host() {
    return redis().host();
  }

  /** The server's port. */
  public int port() {
    return redis().port();
  }

  /** Whether this is {@code REDIS_URL}'s server, shared with whatever else uses it. */
  public boolean isShared() {
    return redis().isShared();
  }

  /**
   * The server the extension started, to kill, pause or restart it.
   *
   * @throws IllegalStateException when it is {@code REDIS_URL}'s server; see {@link
   *     #ownedPerClass()}
   */
  public RedisServer server() {
    return redis().server();
  }

  /** Sends one command and returns the reply as text; see {@link RedisServer#command}. */
  public String command(String... arguments) {
    return redis().command(arguments);
  }

  /**
   * The running test's key prefix, such as {@code ItemServiceTest-3f9a0c1e}: new for each test, and
   * one for the class in {@code @BeforeAll} and {@code @AfterAll} methods. Tests that run
   * concurrently within one class take a {@link #newPrefix()} each instead.
   */
  public String keyPrefix() {
    redis();
    return keyPrefix;
  }

  /**
   * A key prefix no other test uses: for two runtimes that must not share entries within one test.
   * Two runtimes built with the same prefix share them, as two JVMs of one application do.
   */
  public String newPrefix() {
    return label + "-" + String.format("%08x", ThreadLocalRandom.current().nextInt());
  }

  @Override
  public String toString() {
    TestRedis current = redis;
    return "RedisExtension[" + (current == null ? "not started" : current) + "]";
  }

  /** The test class's name in the characters a key prefix allows, so keys show their test. */
  private static String label(Class<?> testClass) {
    String name = testClass.getSimpleName().replaceAll("[^A-Za-z0-9]", "");
    if (name.isEmpty()) {
      return "test";
    }
    return name.length() <= LABEL_LENGTH ? name : name.substring(0, LABEL_LENGTH);
  }
}
