package dev.cachegen.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class RedisSentinelTest {
  @Test
  void theSentinelNamesTheMasterItMonitors() {
    try (RedisServer master = RedisServer.start()) {
      RedisSentinel sentinel = RedisSentinel.start("cachegen-master", master);
      try (sentinel) {
        assertEquals("cachegen-master", sentinel.masterName());
        assertEquals(
            "127.0.0.1\n" + master.port(),
            sentinel.command("SENTINEL", "GET-MASTER-ADDR-BY-NAME", "cachegen-master"));
      }
      assertFalse(Resp.ping("127.0.0.1", sentinel.port()), "stopped by close()");
      assertEquals("PONG", master.command("PING"), "the master keeps running");
    }
  }
}
