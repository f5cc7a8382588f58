package dev.cachegen.runtime.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * Serves {@link HttpCacheHandler}s from the JDK's built-in {@code com.sun.net.httpserver}: no
 * dependency, no container.
 *
 * <pre>{@code
 * HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 8080), 0);
 * server.createContext("/items/", JdkHttpCacheHandler.of(items, itemReviews));
 * server.setExecutor(Executors.newFixedThreadPool(16));
 * server.start();
 * }</pre>
 *
 * <p>A request goes to the first handler whose path template matches the request path (the full
 * path: templates include the context's path); when none matches, the answer is {@code 404}.
 */
public final class JdkHttpCacheHandler implements HttpHandler {
  private final List<HttpCacheHandler<?>> handlers;

  private JdkHttpCacheHandler(List<HttpCacheHandler<?>> handlers) {
    this.handlers = handlers;
  }

  /** An {@link HttpHandler} that serves {@code handlers}, tried in order. */
  public static JdkHttpCacheHandler of(HttpCacheHandler<?>... handlers) {
    if (handlers.length == 0) {
      throw new IllegalArgumentException("of(): give at least one HttpCacheHandler");
    }
    return new JdkHttpCacheHandler(List.of(handlers));
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      HttpCacheResponse response = HttpDispatch.dispatch(handlers, new ExchangeView(exchange));
      Headers headers = exchange.getResponseHeaders();
      response.headers().forEach(headers::set);
      if (response.hasBody()) {
        exchange.sendResponseHeaders(response.status(), response.contentLength());
        try (OutputStream body = exchange.getResponseBody()) {
          response.writeBody(body);
        }
      } else {
        // A HEAD answer announces the length a GET would have; the server sends no body for HEAD
        // and 304, and -1 here means "no body" in this API.
        if (response.contentLength() >= 0 && response.status() != 304) {
          headers.set("Content-Length", Long.toString(response.contentLength()));
        }
        exchange.sendResponseHeaders(response.status(), -1);
      }
    } finally {
      exchange.close();
    }
  }

  @Override
  public String toString() {
    return "JdkHttpCacheHandler" + handlers;
  }

  private static final class ExchangeView implements HttpRequestView {
    private final HttpExchange exchange;

    ExchangeView(HttpExchange exchange) {
      this.exchange = exchange;
    }

    @Override
    public String method() {
      return exchange.getRequestMethod();
    }

    @Override
    public String rawPath() {
      String path = exchange.getRequestURI().getRawPath();
      return path == null ? "/" : path;
    }

    @Override
    public List<String> headers(String name) {
      List<String> values = exchange.getRequestHeaders().get(name);
      return values == null ? List.of() : values;
    }

    @Override
    public InputStream body() {
      return exchange.getRequestBody();
    }
  }
}
