package dev.cachegen.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.runtime.CacheStats;
import dev.cachegen.testing.LoopbackPorts;
import dev.cachegen.testing.RedisServer;
import dev.cachegen.testing.TestCertificates;
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
  private static TestCertificates tls;
  private static RedisServer server;
  private static int tlsPort;

  @BeforeAll
  static void startTlsServer() {
    tls = TestCertificates.create(folder);
    tlsPort = LoopbackPorts.free();
    server = RedisServer.startWith(tls.redisServerOptions(tlsPort, true));
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aPemBundleCarriesTheTrustAndTheClientCertificate() {
    try (ConfigurableApplicationContext app =
        Apps.plain(
            "spring.data.redis.url=rediss://127.0.0.1:" + tlsPort,
            "spring.data.redis.ssl.bundle=redis",
            "spring.ssl.bundle.pem.redis.truststore.certificate=file:" + tls.file("ca.crt"),
            "spring.ssl.bundle.pem.redis.keystore.certificate=file:" + tls.file("client.crt"),
            "spring.ssl.bundle.pem.redis.keystore.private-key=file:" + tls.file("client.key"),
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
