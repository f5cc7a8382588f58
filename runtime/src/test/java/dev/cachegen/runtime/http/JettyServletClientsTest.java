package dev.cachegen.runtime.http;

import dev.cachegen.runtime.http.testing.OriginServer;

/** Real clients against {@link HttpCacheServlet} on embedded Jetty 12 (ee10, Servlet 6.0). */
class JettyServletClientsTest extends RealClientsTestBase {
  @Override
  OriginServer startOrigin(HttpCacheHandler<?>... handlers) {
    return OriginServer.jetty(handlers);
  }
}
