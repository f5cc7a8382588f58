package dev.cachegen.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A private certificate authority, a server certificate for {@code 127.0.0.1}/{@code localhost} and
 * a client certificate, made with the {@code openssl} command for TLS tests: PEM files for {@code
 * redis-server --tls-port} (and for Spring's PEM SSL bundles), and {@link SSLContext}s for clients.
 *
 * <pre>{@code
 * TestCertificates tls = TestCertificates.create(folder);
 * RedisServer server = RedisServer.startWith(tls.redisServerOptions(port, true));
 * CacheRuntime.builder().redis("rediss://127.0.0.1:" + port).redisSsl(tls.clientContext(true));
 * }</pre>
 */
public final class TestCertificates {
  private static final String PASSWORD = "changeit";

  private final Path folder;

  private TestCertificates(Path folder) {
    this.folder = folder;
  }

  /**
   * Makes the authority and both certificates in {@code folder}, valid for two days.
   *
   * @throws IllegalStateException if {@code openssl} is missing or fails; the message says why
   */
  public static TestCertificates create(Path folder) {
    TestCertificates tls = new TestCertificates(folder);
    tls.openssl(
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=cachegen-test-ca",
        "-keyout",
        "ca.key",
        "-out",
        "ca.crt");
    try {
      Files.writeString(folder.resolve("san.cnf"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (String name : List.of("server", "client")) {
      tls.openssl(
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
      tls.openssl(
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
    tls.openssl(
        "pkcs12",
        "-export",
        "-in",
        "client.crt",
        "-inkey",
        "client.key",
        "-out",
        "client.p12",
        "-passout",
        "pass:" + PASSWORD);
    return tls;
  }

  /**
   * A file of the set: {@code ca.crt}, {@code server.crt}, {@code server.key}, {@code
   * client.crt}...
   */
  public Path file(String name) {
    return folder.resolve(name);
  }

  /**
   * The {@code redis-server} options that serve TLS on {@code tlsPort} with the server certificate,
   * asking clients for a certificate of this authority when {@code clientCertificates}.
   */
  public String[] redisServerOptions(int tlsPort, boolean clientCertificates) {
    return new String[] {
      "--tls-port", Integer.toString(tlsPort),
      "--tls-cert-file", file("server.crt").toString(),
      "--tls-key-file", file("server.key").toString(),
      "--tls-ca-cert-file", file("ca.crt").toString(),
      "--tls-auth-clients", clientCertificates ? "yes" : "no"
    };
  }

  /** A client context that trusts the authority, with the client certificate when asked. */
  public SSLContext clientContext(boolean withClientCertificate) {
    try {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      try (InputStream ca = Files.newInputStream(file("ca.crt"))) {
        trust.setCertificateEntry(
            "ca", CertificateFactory.getInstance("X.509").generateCertificate(ca));
      }
      TrustManagerFactory trustManagers =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trustManagers.init(trust);
      KeyStore keys = KeyStore.getInstance("PKCS12");
      if (withClientCertificate) {
        try (InputStream p12 = Files.newInputStream(file("client.p12"))) {
          keys.load(p12, PASSWORD.toCharArray());
        }
      } else {
        keys.load(null, null);
      }
      KeyManagerFactory keyManagers =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(keys, PASSWORD.toCharArray());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
      return context;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build an SSLContext from " + folder, e);
    }
  }

  private void openssl(String... arguments) {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(arguments));
    try {
      Process process =
          new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("openssl " + arguments[0] + " failed: " + output);
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "TLS tests need the openssl command (Debian/Ubuntu: apt-get install openssl)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running openssl", e);
    }
  }
}
