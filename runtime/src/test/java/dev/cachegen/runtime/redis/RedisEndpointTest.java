package dev.cachegen.runtime.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachegen.runtime.CacheRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedisEndpointTest {
  @Test
  void readsHostPortUserPasswordAndDatabase() {
    RedisEndpoint endpoint = RedisEndpoint.parse("rediss://app:s%40cret@cache.internal:6380/3");
    assertEquals("cache.internal", endpoint.host);
    assertEquals(6380, endpoint.port);
    assertEquals("app", endpoint.user);
    assertEquals("s@cret", endpoint.password);
    assertEquals(3, endpoint.database);
    assertTrue(endpoint.ssl);
  }

  @Test
  void defaultsToPort6379AndDatabase0() {
    RedisEndpoint endpoint = RedisEndpoint.parse("redis://localhost");
    assertEquals(6379, endpoint.port);
    assertEquals(0, endpoint.database);
    assertNull(endpoint.user);
    assertNull(endpoint.password);
    assertFalse(endpoint.ssl);
  }

  @Test
  void aLoneUserInfoIsAPassword() {
    RedisEndpoint endpoint = RedisEndpoint.parse("redis://:secret@localhost");
    assertNull(endpoint.user);
    assertEquals("secret", endpoint.password);
    assertEquals("secret", RedisEndpoint.parse("redis://secret@localhost").password);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "http://localhost:6379|must start with redis:// or rediss://",
        "localhost:6379|must start with redis:// or rediss://",
        "redis://|is not a URI",
        "redis:///0|names no host",
        "redis://localhost/abc|must be a number",
        "redis://localhost/-1|must be a number",
        "redis://localhost:6379?timeout=5|set timeouts and pools on CacheRuntime.Builder",
        "redis://local host|is not a URI",
        "'  '|the URI is empty"
      })
  void explainsWhatIsWrong(String uri, String expected) {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> RedisEndpoint.parse(uri));
    assertTrue(error.getMessage().startsWith("redis(uri): "), error.getMessage());
    assertTrue(error.getMessage().contains(expected), error.getMessage());
  }

  @Test
  void neverRepeatsThePassword() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> RedisEndpoint.parse("redis://app:hunter2@localhost/x"));
    assertFalse(error.getMessage().contains("hunter2"), error.getMessage());
    assertTrue(error.getMessage().contains("app:***@localhost"), error.getMessage());
    assertFalse(
        RedisEndpoint.masked("redis://hunter2@localhost").contains("hunter2"),
        RedisEndpoint.masked("redis://hunter2@localhost"));
  }

  @Test
  void theBuilderChecksTheUriAtOnce() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class, () -> CacheRuntime.builder().redis("localhost:6379"));
    assertTrue(error.getMessage().contains("redis://"), error.getMessage());
  }
}
