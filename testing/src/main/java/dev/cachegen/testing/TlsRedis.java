package dev.cachegen.testing;

import java.nio.file.Path;

/**
 * A {@code redis-server} that serves TLS on a port of its own, with certificates made for it by
 * {@link TestCertificates}: for tests of {@code rediss://}, private CAs and mutual TLS.
 *
 * <pre>{@code
 * try (TlsRedis redis = TlsRedis.start(folder, true)) {
 *   CacheRuntime.builder().redis(redis.uri()).redisSsl(redis.certificates().clientContext(true));
 * }
 * }</pre>
 */
public final class TlsRedis implements AutoCloseable {
  private final TestCertificates certificates;
  private final RedisServer server;
  private final int tlsPort;

  private TlsRedis(TestCertificates certificates, RedisServer server, int tlsPort) {
    this.certificates = certificates;
    this.server = server;
    this.tlsPort = tlsPort;
  }

  /**
   * Makes certificates in {@code folder} and starts the server, asking clients for a certificate of
   * the test authority when {@code clientCertificates}.
   */
  public static TlsRedis start(Path folder, boolean clientCertificates) {
    TestCertificates certificates = TestCertificates.create(folder);
    int tlsPort = LoopbackPorts.free();
    RedisServer server =
        RedisServer.startWith(certificates.redisServerOptions(tlsPort, clientCertificates));
    return new TlsRedis(certificates, server, tlsPort);
  }

  /** The TLS address: {@code rediss://127.0.0.1:<port>}. */
  public String uri() {
    return "rediss://127.0.0.1:" + tlsPort;
  }

  /** The server's plain (non-TLS) side, for set-up and assertions. */
  public RedisServer server() {
    return server;
  }

  /** The authority and certificates the server and its clients use. */
  public TestCertificates certificates() {
    return certificates;
  }

  @Override
  public void close() {
    server.close();
  }
}
