package dev.cachegen.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs small test classes that use the extension through the JUnit launcher, as a build would, and
 * checks what they saw. (Surefire leaves the nested classes alone: their names contain a '$'.)
 */
class RedisExtensionTest {
  /** What the classes below saw, in order. */
  static final List<String> seen = new CopyOnWriteArrayList<>();

  private static TestExecutionSummary run(Class<?> testClass) {
    seen.clear();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create()
        .execute(
            LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build(),
            listener);
    return listener.getSummary();
  }

  @Test
  void eachTestGetsAFreshPrefixOnTheClassesRedisWhichStopsAfterTheClass() {
    TestExecutionSummary summary = run(TwoTests.class);
    assertEquals(2, summary.getTestsSucceededCount(), () -> failures(summary));
    // beforeAll, two tests, afterAll: "phase uri prefix"
    assertEquals(4, seen.size(), seen::toString);
    String[] beforeAll = seen.get(0).split(" ");
    String[] first = seen.get(1).split(" ");
    String[] second = seen.get(2).split(" ");
    assertEquals(beforeAll[1], first[1], "one Redis for the class");
    assertEquals(first[1], second[1]);
    assertNotEquals(first[2], second[2], "a prefix per test");
    assertNotEquals(beforeAll[2], first[2]);
    assertTrue(first[2].matches("TwoTests-[0-9a-f]{8}"), first[2]);
    int port = Integer.parseInt(first[1].substring(first[1].lastIndexOf(':') + 1));
    if (System.getenv(TestRedis.REDIS_URL) == null) {
      assertFalse(Resp.ping("127.0.0.1", port), "stopped after the class");
    }
  }

  @Test
  void anOwnedRedisCanBeBrokenAndIsStoppedAfterTheClass() {
    TestExecutionSummary summary = run(BreaksItsRedis.class);
    assertEquals(1, summary.getTestsSucceededCount(), () -> failures(summary));
    int port = Integer.parseInt(seen.get(0));
    assertFalse(Resp.ping("127.0.0.1", port), "stopped after the class");
  }

  @Test
  void onAnInstanceFieldItFailsSayingToMakeItStatic() {
    TestExecutionSummary summary = run(NotStatic.class);
    assertEquals(1, summary.getTestsFailedCount());
    String message = summary.getFailures().get(0).getException().getMessage();
    assertTrue(message.contains("static field"), message);
  }

  private static String failures(TestExecutionSummary summary) {
    StringBuilder all = new StringBuilder();
    summary.getFailures().forEach(failure -> all.append(failure.getException()).append('\n'));
    return all.toString();
  }

  static class TwoTests {
    @RegisterExtension static final RedisExtension redis = RedisExtension.perClass();

    @BeforeAll
    static void before() {
      seen.add("beforeAll " + redis.uri() + " " + redis.keyPrefix());
    }

    @Test
    void first() {
      assertEquals("OK", redis.command("SET", redis.keyPrefix() + ":k", "first"));
      seen.add("test " + redis.uri() + " " + redis.keyPrefix());
    }

    @Test
    void second() {
      assertEquals(null, redis.command("GET", redis.keyPrefix() + ":k"));
      seen.add("test " + redis.uri() + " " + redis.keyPrefix());
    }

    @AfterAll
    static void after() {
      seen.add("afterAll " + redis.uri() + " " + redis.keyPrefix());
    }
  }

  static class BreaksItsRedis {
    @RegisterExtension static final RedisExtension redis = RedisExtension.ownedPerClass();

    @Test
    void killAndRestart() {
      seen.add(Integer.toString(redis.port()));
      assertFalse(redis.isShared());
      redis.server().kill();
      assertFalse(Resp.ping(redis.host(), redis.port()));
      redis.server().restart();
      assertEquals("PONG", redis.command("PING"));
    }
  }

  static class NotStatic {
    @RegisterExtension final RedisExtension redis = RedisExtension.perClass();

    @Test
    void uri() {
      redis.uri();
    }
  }
}
