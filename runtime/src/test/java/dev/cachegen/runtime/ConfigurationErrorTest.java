package dev.cachegen.runtime;

import static dev.cachegen.runtime.TestCaches.find;
import static dev.cachegen.runtime.TestCaches.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachegen.runtime.internal.Cache;
import dev.cachegen.testing.LogCapture;
import dev.cachegen.testing.RedisServer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, item 5: a wrong password or an ACL that forbids a command cachegen needs is a
 * configuration error, reported as such: at start when asked ({@code verifyOnStart()}), and at run
 * time as one ERROR line and a visible state, never as a passing network fault.
 */
class ConfigurationErrorTest {
  private static RedisServer server;

  @BeforeAll
  static void startServerWithUsers() {
    server = RedisServer.start();
    server.command("ACL", "SETUSER", "app", "on", ">right", "~*", "&*", "+@all");
    server.command(
        "ACL", "SETUSER", "reader", "on", ">right", "~*", "&*", "+@all", "-set", "-eval");
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  private static String uri(String user, String password) {
    return "redis://" + user + ":" + password + "@127.0.0.1:" + server.port();
  }

  @Test
  void aRightUserPassesTheCheckAtStart() {
    try (CacheRuntime runtime =
        CacheRuntime.builder().redis(uri("app", "right")).keyPrefix("ok").verifyOnStart().build()) {
      Cache<String> cache = runtime.cache(strings("c.ok").build());
      assertEquals("v", find(cache, "k", () -> "v"));
      assertNull(runtime.stats().sharedTierProblem());
    }
  }

  @Test
  void aWrongPasswordFailsTheCheckAtStartNamingTheSetting() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                CacheRuntime.builder()
                    .redis(uri("app", "wrong"))
                    .keyPrefix("pw")
                    .verifyOnStart()
                    .build());
    assertTrue(e.getMessage().startsWith("verifyOnStart: "), e.getMessage());
    assertTrue(e.getMessage().contains("check the user and password"), e.getMessage());
  }

  @Test
  void aForbiddenCommandFailsTheCheckAtStartSayingWhatToGrant() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                CacheRuntime.builder()
                    .redis(uri("reader", "right"))
                    .keyPrefix("acl")
                    .verifyOnStart()
                    .build());
    assertTrue(e.getMessage().contains("NOPERM"), e.getMessage());
    assertTrue(e.getMessage().contains("grant the user"), e.getMessage());
  }

  @Test
  void atRunTimeAWrongPasswordIsLoggedOnceAndShownButCallsStillAnswer() {
    try (LogCapture log = LogCapture.start();
        CacheRuntime runtime =
            CacheRuntime.builder().redis(uri("app", "wrong")).keyPrefix("rt").build()) {
      Cache<String> cache = runtime.cache(strings("c.rt").build());
      for (int i = 0; i < 5; i++) {
        String value = "v" + i;
        assertEquals(value, find(cache, "k" + i, () -> value));
      }
      String problem = runtime.stats().sharedTierProblem();
      assertNotNull(problem, "the state names the problem");
      assertTrue(problem.contains("rejects the credentials"), problem);
      assertEquals(
          1,
          log.lines(Pattern.compile("ERROR.*rejects the credentials")).size(),
          "logged at ERROR once, not per call");
    }
  }
}
