package dev.cachegen.runtime.http.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cachegen.runtime.http.HttpCacheHandler;
import dev.cachegen.runtime.http.HttpCacheServlet;
import dev.cachegen.runtime.http.JdkHttpCacheHandler;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A real HTTP server on a free loopback port that serves {@link HttpCacheHandler}s through one of
 * the adapters and logs every request it receives.
 */
public abstract class OriginServer implements AutoCloseable {
  private final RequestLog log = new RequestLog();

  /** The JDK's {@code HttpServer} with {@link JdkHttpCacheHandler}, plus static HTML pages. */
  public static OriginServer jdk(Map<String, String> pages, HttpCacheHandler<?>... handlers) {
    return new Jdk(pages, handlers);
  }

  /** The JDK's {@code HttpServer} with {@link JdkHttpCacheHandler}. */
  public static OriginServer jdk(HttpCacheHandler<?>... handlers) {
    return new Jdk(Map.of(), handlers);
  }

  /** Embedded Jetty 12 (ee10) with {@link HttpCacheServlet} in the context {@code /}. */
  public static OriginServer jetty(HttpCacheHandler<?>... handlers) {
    return new Jetty(handlers);
  }

  /** Every request received so far. */
  public RequestLog log() {
    return log;
  }

  /** The port the server listens on. */
  public abstract int port();

  /** An absolute URI of this server for {@code path}. */
  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port() + path);
  }

  @Override
  public abstract void close();

  private static final class Jdk extends OriginServer {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);

    Jdk(Map<String, String> pages, HttpCacheHandler<?>[] handlers) {
      try {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      JdkHttpCacheHandler adapter = JdkHttpCacheHandler.of(handlers);
      server.createContext("/", exchange -> logged(exchange, () -> adapter.handle(exchange)));
      pages.forEach(
          (path, html) ->
              server.createContext(
                  path, exchange -> logged(exchange, () -> sendPage(exchange, html))));
      server.setExecutor(executor);
      server.start();
    }

    private void logged(HttpExchange exchange, IoAction action) throws IOException {
      RequestLog.Entry entry =
          log()
              .arrived(
                  exchange.getRequestMethod(),
                  exchange.getRequestURI().getRawPath(),
                  exchange.getRequestHeaders().getFirst("If-None-Match"),
                  exchange.getRequestHeaders().getFirst("If-Modified-Since"));
      try {
        action.run();
      } finally {
        entry.answered(exchange.getResponseCode());
      }
    }

    private static void sendPage(HttpExchange exchange, String html) throws IOException {
      byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream body = exchange.getResponseBody()) {
        body.write(bytes);
      }
    }

    @Override
    public int port() {
      return server.getAddress().getPort();
    }

    @Override
    public void close() {
      server.stop(0);
      executor.shutdownNow();
    }
  }

  private static final class Jetty extends OriginServer {
    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);

    Jetty(HttpCacheHandler<?>[] handlers) {
      connector.setHost("127.0.0.1");
      connector.setPort(0);
      server.addConnector(connector);
      ServletContextHandler context = new ServletContextHandler("/");
      context.addFilter(
          new FilterHolder(new LoggingFilter()),
          "/*",
          EnumSet.allOf(jakarta.servlet.DispatcherType.class));
      context.addServlet(new ServletHolder(new HttpCacheServlet(handlers)), "/*");
      server.setHandler(context);
      try {
        server.start();
      } catch (Exception e) {
        throw new IllegalStateException("Jetty did not start", e);
      }
    }

    @Override
    public int port() {
      return connector.getLocalPort();
    }

    @Override
    public void close() {
      try {
        server.stop();
      } catch (Exception e) {
        throw new IllegalStateException("Jetty did not stop", e);
      }
    }

    private final class LoggingFilter implements Filter {
      @Override
      public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
          throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        RequestLog.Entry entry =
            log()
                .arrived(
                    http.getMethod(),
                    http.getRequestURI(),
                    http.getHeader("If-None-Match"),
                    http.getHeader("If-Modified-Since"));
        try {
          chain.doFilter(request, response);
        } finally {
          entry.answered(((HttpServletResponse) response).getStatus());
        }
      }
    }
  }

  @FunctionalInterface
  private interface IoAction {
    void run() throws IOException;
  }
}
