package dev.cachegen.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The order in which tests find their Redis, with the environment given. */
class TestRedisTest {
  private static final String PATH = System.getenv("PATH");

  @Test
  void redisUrlWhenSetIsUsedAsItIsAndLeftRunning() {
    try (RedisServer existing = RedisServer.start()) {
      TestRedis redis =
          TestRedis.locate(Map.of("REDIS_URL", existing.uri(), "PATH", PATH)::get, () -> false);
      try (redis) {
        assertTrue(redis.isShared());
        assertEquals(existing.uri(), redis.uri());
        assertEquals(existing.port(), redis.port());
        redis.command("SET", "from-test-redis", "1");
        assertEquals("1", existing.command("GET", "from-test-redis"));
        IllegalStateException error = assertThrows(IllegalStateException.class, redis::server);
        assertTrue(error.getMessage().contains("ownedPerClass()"), error.getMessage());
      }
      assertEquals("PONG", existing.command("PING"), "REDIS_URL's server is not ours to stop");
    }
  }

  @Test
  void redisUrlMayCarryAPasswordAndADatabase() {
    try (RedisServer existing = RedisServer.start()) {
      existing.command("CONFIG", "SET", "requirepass", "s3cret");
      String url = "redis://:s3cret@127.0.0.1:" + existing.port() + "/3";
      try (TestRedis redis = TestRedis.locate(Map.of("REDIS_URL", url)::get, () -> false)) {
        assertEquals(url, redis.uri());
        assertEquals("OK", redis.command("SET", "k", "in database 3"));
        assertFalse(redis.toString().contains("s3cret"), redis.toString());
      }
      assertEquals("1", Resp.command(URI.create(url), "DBSIZE"), "the key went to database 3");
      assertEquals("0", Resp.command(URI.create(url.replace("/3", "/0")), "DBSIZE"));
    }
  }

  @Test
  void withoutRedisUrlItStartsARedisServerOfItsOwnAndStopsIt() {
    TestRedis redis = TestRedis.locate(Map.of("PATH", PATH)::get, () -> false);
    String host;
    int port;
    try (redis) {
      assertFalse(redis.isShared());
      assertFalse(redis.server().isContainer());
      host = redis.host();
      port = redis.port();
      assertEquals("redis://127.0.0.1:" + port, redis.uri());
      assertEquals("PONG", redis.command("PING"));
    }
    assertFalse(Resp.ping(host, port), "stopped by close()");
  }

  @Test
  void ownedIgnoresRedisUrl() {
    try (TestRedis redis = TestRedis.owned()) {
      assertFalse(redis.isShared());
      assertEquals("PONG", redis.server().command("PING"));
    }
  }

  @Test
  void withNothingAtHandItSaysWhatToInstallOrSet() {
    IllegalStateException error =
        assertThrows(
            IllegalStateException.class,
            () -> TestRedis.locate(Map.of("PATH", "/nonexistent")::get, () -> false));
    String message = error.getMessage();
    assertTrue(message.contains("apt-get install redis-server"), message);
    assertTrue(message.contains("REDIS_URL=redis://host:port"), message);
    assertTrue(message.contains("Docker"), message);
  }

  @Test
  void aRedisUrlThatIsNotOneFailsBeforeAnyTestRuns() {
    IllegalStateException notRedis =
        assertThrows(
            IllegalStateException.class,
            () -> TestRedis.locate(Map.of("REDIS_URL", "http://localhost:6379")::get, () -> false));
    assertTrue(notRedis.getMessage().contains("is not a Redis URI"), notRedis.getMessage());

    int nobody = LoopbackPorts.free();
    IllegalStateException silent =
        assertThrows(
            IllegalStateException.class,
            () ->
                TestRedis.locate(
                    Map.of("REDIS_URL", "redis://127.0.0.1:" + nobody)::get, () -> false));
    assertTrue(silent.getMessage().contains("does not answer PING"), silent.getMessage());
  }
}
