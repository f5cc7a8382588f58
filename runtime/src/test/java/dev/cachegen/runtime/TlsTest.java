package dev.cachegen.runtime;

import static dev.cachegen.runtime.TestCaches.find;
import static dev.cachegen.runtime.TestCaches.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.cachegen.runtime.internal.Cache;
import dev.cachegen.testing.LoopbackPorts;
import dev.cachegen.testing.RedisServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, item 5: {@code rediss://} with a private CA and client certificates (mutual TLS)
 * through {@code redisSsl(SSLContext)}, against a real {@code redis-server --tls-port} whose
 * certificates this test makes with {@code openssl}; and an untrusted server is a configuration
 * error that names TLS.
 */
class TlsTest {
  private static final char[] PASSWORD = "changeit".toCharArray();

  @TempDir static Path certificates;
  private static RedisServer server;
  private static int tlsPort;

  @BeforeAll
  static void startTlsServer() throws Exception {
    openssl(
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=test-ca",
        "-keyout",
        "ca.key",
        "-out",
        "ca.crt");
    Files.writeString(
        certificates.resolve("san.cnf"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
    for (String name : List.of("server", "client")) {
      openssl(
          "req",
          "-newkey",
          "rsa:2048",
          "-nodes",
          "-subj",
          "/CN=" + name,
          "-keyout",
          name + ".key",
          "-out",
          name + ".csr");
      openssl(
          "x509",
          "-req",
          "-in",
          name + ".csr",
          "-CA",
          "ca.crt",
          "-CAkey",
          "ca.key",
          "-CAcreateserial",
          "-days",
          "2",
          "-extfile",
          "san.cnf",
          "-out",
          name + ".crt");
    }
    openssl(
        "pkcs12",
        "-export",
        "-in",
        "client.crt",
        "-inkey",
        "client.key",
        "-out",
        "client.p12",
        "-passout",
        "pass:changeit");
    tlsPort = LoopbackPorts.free();
    server =
        RedisServer.startWith(
            "--tls-port", Integer.toString(tlsPort),
            "--tls-cert-file", file("server.crt"),
            "--tls-key-file", file("server.key"),
            "--tls-ca-cert-file", file("ca.crt"),
            "--tls-auth-clients", "yes");
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  private static String file(String name) {
    return certificates.resolve(name).toString();
  }

  private static void openssl(String... arguments) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("openssl"));
    command.addAll(List.of(arguments));
    Process process =
        new ProcessBuilder(command)
            .directory(certificates.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes());
    assertTrue(process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0, output);
  }

  /** Trusts the test CA; presents the client certificate when {@code withClientCertificate}. */
  private static SSLContext context(boolean withClientCertificate) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    try (InputStream ca = Files.newInputStream(certificates.resolve("ca.crt"))) {
      trust.setCertificateEntry(
          "ca", CertificateFactory.getInstance("X.509").generateCertificate(ca));
    }
    TrustManagerFactory trustManagers =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trustManagers.init(trust);
    KeyManagerFactory keyManagers =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    KeyStore keys = KeyStore.getInstance("PKCS12");
    if (withClientCertificate) {
      try (InputStream p12 = Files.newInputStream(certificates.resolve("client.p12"))) {
        keys.load(p12, PASSWORD);
      }
    } else {
      keys.load(null, null);
    }
    keyManagers.init(keys, PASSWORD);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
    return context;
  }

  private static String uri() {
    return "rediss://127.0.0.1:" + tlsPort;
  }

  @Test
  void mutualTlsWithAPrivateCaCarriesTheSharedTier() throws Exception {
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
  void withoutAClientCertificateTheServerRefusesAndTheCheckSaysSo() throws Exception {
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
  void aTlsContextForAPlainUriIsAMistakeNamedAtBuild() throws Exception {
    SSLContext tls = context(true);
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> CacheRuntime.builder().redis(server.uri()).redisSsl(tls).build());
    assertTrue(e.getMessage().contains("is not a rediss:// URI"), e.getMessage());
  }
}
