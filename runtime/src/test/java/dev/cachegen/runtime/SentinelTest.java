package dev.cachegen.runtime;

import static dev.cachegen.runtime.TestCaches.find;
import static dev.cachegen.runtime.TestCaches.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachegen.runtime.internal.Cache;
import dev.cachegen.runtime.testing.RedisServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A master found through a real Redis Sentinel ({@code redis-server --sentinel}). */
class SentinelTest {
  @TempDir Path directory;

  @Test
  void runtimesFindTheMasterThroughTheSentinelAndShareIt() throws Exception {
    try (RedisServer master = RedisServer.startOwned()) {
      int sentinelPort = RedisServer.freePort();
      Path config = directory.resolve("sentinel.conf");
      Files.writeString(
          config,
          String.join(
              "\n",
              "port " + sentinelPort,
              "bind 127.0.0.1",
              "dir " + directory,
              "sentinel monitor cachegen-master 127.0.0.1 " + master.port() + " 1",
              "sentinel down-after-milliseconds cachegen-master 2000",
              ""));
      Process sentinel =
          new ProcessBuilder("redis-server", config.toString(), "--sentinel")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      try {
        assertTrue(
            RedisServer.waitForPing("127.0.0.1", sentinelPort, Duration.ofSeconds(20)),
            "the sentinel did not start");
        String prefix = "s" + UUID.randomUUID().toString().substring(0, 8);
        String sentinelUri = "redis://127.0.0.1:" + sentinelPort;
        try (CacheRuntime first =
                CacheRuntime.builder()
                    .redisSentinel("cachegen-master", sentinelUri)
                    .keyPrefix(prefix)
                    .build();
            CacheRuntime second =
                CacheRuntime.builder()
                    .redisSentinel("cachegen-master", sentinelUri)
                    .keyPrefix(prefix)
                    .build()) {
          assertTrue(first.stats().sharedTier().startsWith("sentinel cachegen-master"));
          Cache<String> one = first.cache(strings("st.items").build());
          Cache<String> two = second.cache(strings("st.items").build());
          assertEquals("v", find(one, "k", () -> "v"));
          assertEquals("v", find(two, "k", () -> "must come from the master"));
          assertEquals(1, two.stats().shared().hits());
          assertEquals("1", master.command("EXISTS", one.sharedKey().value("k").build()));
        }
      } finally {
        sentinel.destroyForcibly();
        sentinel.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void theBuilderTakesOneKindOfRedis() {
    IllegalStateException error =
        assertThrows(
            IllegalStateException.class,
            () ->
                CacheRuntime.builder()
                    .redis("redis://localhost")
                    .redisSentinel("m", "redis://localhost:26379"));
    assertTrue(error.getMessage().contains("use one"), error.getMessage());
    assertThrows(IllegalArgumentException.class, () -> CacheRuntime.builder().redisSentinel("m"));
  }
}
