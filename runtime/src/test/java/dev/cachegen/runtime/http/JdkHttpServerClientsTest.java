package dev.cachegen.runtime.http;

import dev.cachegen.runtime.http.testing.OriginServer;

/** Real clients against {@link JdkHttpCacheHandler} on the JDK's built-in HTTP server. */
class JdkHttpServerClientsTest extends RealClientsTestBase {
  @Override
  OriginServer startOrigin(HttpCacheHandler<?>... handlers) {
    return OriginServer.jdk(handlers);
  }
}
