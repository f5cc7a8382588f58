package dev.cachegen.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.testing.Await;
import dev.cachegen.testing.RedisExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;
import redis.clients.jedis.RedisClient;

/**
 * Boot's Redis properties and cachegen's own reach the runtime; a value the runtime rejects stops
 * the start with a message naming the property.
 */
class PropertiesTest {
  @RegisterExtension static final RedisExtension redis = RedisExtension.perClass();

  @Test
  void noRedisPropertyMeansInMemory() {
    try (ConfigurableApplicationContext app = Apps.plain()) {
      assertEquals("none", app.getBean(CacheRuntime.class).stats().sharedTier());
    }
  }

  @Test
  void hostPortAndDatabaseMakeTheRedisUri() {
    try (ConfigurableApplicationContext app =
        Apps.plain(
            "spring.data.redis.host=" + redis.host(),
            "spring.data.redis.port=" + redis.port(),
            "spring.data.redis.database=3",
            "spring.data.redis.timeout=400ms",
            "cachegen.key-prefix=" + redis.keyPrefix())) {
      CacheRuntime runtime = app.getBean(CacheRuntime.class);
      assertEquals(
          "redis://" + redis.host() + ":" + redis.port() + "/3", runtime.stats().sharedTier());
      app.getBean("catalog", Catalog.class).name(1);
      try (RedisClient database3 =
          RedisClient.create("redis://" + redis.host() + ":" + redis.port() + "/3")) {
        assertEquals(
            1,
            database3.keys(redis.keyPrefix() + ":{catalog.names:*").size(),
            "the entry went to database 3");
      }
    }
  }

  @Test
  void theCoherenceModeTurnsOnTrackingInRedis() {
    long before = trackingClients();
    try (ConfigurableApplicationContext app =
        Apps.plain(
            "spring.data.redis.host=" + redis.host(),
            "spring.data.redis.port=" + redis.port(),
            "cachegen.coherence=tracking",
            "cachegen.key-prefix=" + redis.keyPrefix())) {
      assertTrue(app.isRunning());
      Await.until("the runtime to turn tracking on", () -> trackingClients() == before + 1);
    }
  }

  /** Connections that have client tracking on ({@code t} in {@code CLIENT LIST}'s flags). */
  private static long trackingClients() {
    return redis
        .command("CLIENT", "LIST")
        .lines()
        .filter(line -> line.matches(".* flags=\\w*t\\w* .*"))
        .count();
  }

  @Test
  void valueFormatAndCompressionReachTheEntriesInRedis() {
    try (ConfigurableApplicationContext app =
        Apps.plain(
            "spring.data.redis.url=" + redis.uri(),
            "cachegen.key-prefix=" + redis.keyPrefix(),
            "cachegen.value-format=smile",
            "cachegen.compression=zstd",
            "cachegen.compression-threshold=0B")) {
      app.getBean("catalog", Catalog.class).name(1);
      try (RedisClient raw = RedisClient.create(redis.uri())) {
        String key = raw.keys(redis.keyPrefix() + ":{catalog.names:*").iterator().next();
        byte flags = raw.get(key.getBytes(java.nio.charset.StandardCharsets.UTF_8))[2];
        // EntryFormat's flags: bits 1-2 the format (1 = Smile)
        assertEquals(1, (flags >> 1) & 0x3, "Smile, in flags " + flags);
      }
    }
  }

  @Test
  void compressionWithoutItsLibraryStopsTheStartNamingBoth() {
    Exception e =
        assertThrows(Exception.class, () -> Apps.plain("cachegen.compression=lz4").close());
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    assertTrue(
        cause.getMessage().contains("cachegen.compression=LZ4 from 1024B"), cause.getMessage());
    assertTrue(cause.getMessage().contains("at.yawk.lz4:lz4-java"), cause.getMessage());
  }

  @Test
  void aZeroExpiryResolutionStartsNoTickerThread() {
    long before = tickerThreads();
    try (ConfigurableApplicationContext app = Apps.plain("cachegen.expiry-resolution=0ms")) {
      assertTrue(app.isRunning());
      assertEquals(before, tickerThreads());
    }
    try (ConfigurableApplicationContext app = Apps.plain()) {
      assertTrue(app.isRunning());
      assertEquals(before + 1, tickerThreads(), "the default starts one");
    }
  }

  private static long tickerThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().equals("cachegen-ticker"))
        .count();
  }

  @Test
  void aRejectedValueNamesItsProperty() {
    assertStartFails("cachegen.key-prefix", "cachegen.key-prefix=no spaces");
    assertStartFails("cachegen.stampede.wait", "cachegen.stampede.wait=-1s");
    assertStartFails("cachegen.write-behind.capacity", "cachegen.write-behind.capacity=0");
    assertStartFails("cachegen.expiry-resolution", "cachegen.expiry-resolution=5s");
    assertStartFails("spring.data.redis.url", "spring.data.redis.url=http://example.com");
    assertStartFails("spring.data.redis.ssl.bundle", "spring.data.redis.ssl.bundle=corporate");
  }

  private static void assertStartFails(String property, String setting) {
    Exception e = assertThrows(Exception.class, () -> Apps.plain(setting).close());
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    String message = String.valueOf(cause.getMessage());
    assertTrue(
        message.contains(property),
        () -> setting + " failed with a message that does not name it: " + message);
  }
}
