package dev.cachegen.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.runtime.CacheStats;
import dev.cachegen.testing.TlsRedis;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code spring.data.redis.ssl.bundle} names a Spring SSL bundle whose trust and key material reach
 * the runtime: a private CA and a client certificate (mutual TLS), against a real {@code
 * redis-server --tls-port}.
 */
class SslBundleTest {
  @TempDir static Path folder;
  private static TlsRedis redis;

  @BeforeAll
  static void startTlsServer() {
    redis = TlsRedis.start(folder, true);
  }

  @AfterAll
  static void stopServer() {
    if (redis != null) {
      redis.close();
    }
  }

  @Test
  void aPemBundleCarriesTheTrustAndTheClientCertificate() {
    try (ConfigurableApplicationContext app =
        Apps.plain(
            "spring.data.redis.url=" + redis.uri(),
            "spring.data.redis.ssl.bundle=redis",
            "spring.ssl.bundle.pem.redis.truststore.certificate=file:"
                + redis.certificates().file("ca.crt"),
            "spring.ssl.bundle.pem.redis.keystore.certificate=file:"
                + redis.certificates().file("client.crt"),
            "spring.ssl.bundle.pem.redis.keystore.private-key=file:"
                + redis.certificates().file("client.key"),
            "cachegen.key-prefix=bundle")) {
      CacheRuntime runtime = app.getBean(CacheRuntime.class);
      Catalog catalog = app.getBean("catalog", Catalog.class);
      assertEquals(catalog.name(1), catalog.name(1));
      CacheStats stats = runtime.stats().cache("catalog.names");
      assertEquals(1, stats.shared().misses(), "the first call looked in Redis, over TLS");
      assertEquals(0, stats.shared().errors(), "and Redis answered");
      assertNull(runtime.stats().sharedTierProblem());
      assertTrue(
          runtime.stats().sharedTier().startsWith("rediss://"), runtime.stats().sharedTier());
    }
  }
}
