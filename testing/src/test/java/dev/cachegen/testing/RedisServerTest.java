package dev.cachegen.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A real redis-server, broken the ways fault tests break it. */
class RedisServerTest {
  @Test
  void startsOnAFreeLoopbackPortAndAnswers() {
    try (RedisServer redis = RedisServer.start()) {
      assertEquals("redis://127.0.0.1:" + redis.port(), redis.uri());
      assertEquals("OK", redis.command("SET", "k", "v"));
      assertEquals("v", redis.command("GET", "k"));
      assertNull(redis.command("GET", "missing"));
      assertEquals("1", redis.command("EXISTS", "k"));
      assertEquals("save\n", redis.command("CONFIG", "GET", "save"), "no snapshots");
    }
  }

  @Test
  void twoServersGetTwoPorts() {
    try (RedisServer one = RedisServer.start();
        RedisServer two = RedisServer.start()) {
      one.command("SET", "k", "one");
      assertNull(two.command("GET", "k"));
      assertTrue(one.port() != two.port());
    }
  }

  @Test
  void killDropsItAndRestartBringsItBackEmptyOnTheSamePort() {
    try (RedisServer redis = RedisServer.start()) {
      int port = redis.port();
      redis.command("SET", "k", "v");
      redis.kill();
      assertFalse(Resp.ping(redis.host(), port));
      redis.restart();
      assertEquals(port, redis.port());
      assertEquals("PONG", redis.command("PING"));
      assertNull(redis.command("GET", "k"), "nothing survives a restart");
    }
  }

  @Test
  void aPausedServerAcceptsButDoesNotAnswerUntilResumed() {
    try (RedisServer redis = RedisServer.start()) {
      redis.pause();
      assertFalse(Resp.ping(redis.host(), redis.port()));
      redis.resume();
      assertTrue(Resp.ping(redis.host(), redis.port()));
    }
  }

  @Test
  void closeStopsEvenAPausedServer() {
    RedisServer redis = RedisServer.start();
    redis.pause();
    redis.close();
    assertFalse(Resp.ping(redis.host(), redis.port()));
  }

  @Test
  void anErrorReplyFailsTheCommandWithRedisMessage() {
    try (RedisServer redis = RedisServer.start()) {
      IllegalStateException error =
          assertThrows(IllegalStateException.class, () -> redis.command("NOSUCHCOMMAND"));
      assertTrue(error.getMessage().contains("unknown command"), error.getMessage());
    }
  }

  @Test
  void withNeitherBinaryNorDockerItSaysWhatToInstall() {
    IllegalStateException error =
        assertThrows(
            IllegalStateException.class, () -> RedisServer.start(Optional.empty(), () -> false));
    assertTrue(error.getMessage().contains("apt-get install redis-server"), error.getMessage());
    assertTrue(error.getMessage().contains("Docker"), error.getMessage());
  }

  @Test
  void aBinaryThatIsNotRedisFailsWithItsOutput() {
    Path notRedis = Executables.onPath("false").orElseThrow();
    IllegalStateException error =
        assertThrows(
            IllegalStateException.class,
            () -> RedisServer.start(Optional.of(notRedis), () -> false));
    assertTrue(error.getMessage().contains("exited with 1"), error.getMessage());
  }
}
