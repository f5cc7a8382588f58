package dev.cachegen.runtime;

import static dev.cachegen.runtime.TestCaches.find;
import static dev.cachegen.runtime.TestCaches.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.cachegen.runtime.internal.Cache;
import dev.cachegen.testing.TlsRedis;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, item 5: {@code rediss://} with a private CA and client certificates (mutual TLS)
 * through {@code redisSsl(SSLContext)}, against a real {@code redis-server --tls-port} whose
 * certificates made with {@code openssl} ({@code TestCertificates}); and an untrusted server is a
 * configuration error that names TLS.
 */
class TlsTest {
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

  private static SSLContext context(boolean withClientCertificate) {
    return redis.certificates().clientContext(withClientCertificate);
  }

  private static String uri() {
    return redis.uri();
  }

  @Test
  void mutualTlsWithAPrivateCaCarriesTheSharedTier() {
    SSLContext tls = context(true);
    try (CacheRuntime one =
            CacheRuntime.builder()
                .redis(uri())
                .redisSsl(tls)
                .keyPrefix("tls")
                .verifyOnStart()
                .build();
        CacheRuntime two =
            CacheRuntime.builder().redis(uri()).redisSsl(tls).keyPrefix("tls").build()) {
      Cache<String> first = one.cache(strings("t.tls").build());
      Cache<String> second = two.cache(strings("t.tls").build());
      assertEquals("over tls", find(first, "k", () -> "over tls"));
      assertEquals("over tls", find(second, "k", () -> fail("read from Redis over TLS")));
    }
  }

  @Test
  void aServerTheClientDoesNotTrustFailsTheCheckNamingTls() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                CacheRuntime.builder().redis(uri()).keyPrefix("untrusted").verifyOnStart().build());
    assertTrue(e.getMessage().contains("TLS to Redis"), e.getMessage());
  }

  @Test
  void withoutAClientCertificateTheServerRefusesAndTheCheckSaysSo() {
    SSLContext trustOnly = context(false);
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                CacheRuntime.builder()
                    .redis(uri())
                    .redisSsl(trustOnly)
                    .keyPrefix("no-client-cert")
                    .verifyOnStart()
                    .build());
    assertTrue(e.getMessage().startsWith("verifyOnStart: "), e.getMessage());
  }

  @Test
  void aTlsContextForAPlainUriIsAMistakeNamedAtBuild() {
    SSLContext tls = context(true);
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> CacheRuntime.builder().redis(redis.server().uri()).redisSsl(tls).build());
    assertTrue(e.getMessage().contains("is not a rediss:// URI"), e.getMessage());
  }
}
