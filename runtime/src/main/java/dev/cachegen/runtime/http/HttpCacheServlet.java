package dev.cachegen.runtime.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * Serves {@link HttpCacheHandler}s from a Jakarta Servlet 6 container (Jetty 12 ee10, Tomcat 10.1,
 * and others). Needs {@code jakarta.servlet:jakarta.servlet-api} on the class path, which the
 * container provides.
 *
 * <pre>{@code
 * ServletContextHandler context = new ServletContextHandler("/api");
 * context.addServlet(new ServletHolder(new HttpCacheServlet(items, itemReviews)), "/items/*");
 * }</pre>
 *
 * <p>Path templates are matched against the request path inside the application, without the
 * context path: with the context {@code /api}, the request {@code /api/items/7} matches {@code
 * /items/{id}}. A request goes to the first handler whose template matches; when none does, the
 * answer is {@code 404}. The servlet handles every method itself, HEAD included.
 */
public final class HttpCacheServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  /** Handlers are code, not state: a deserialized servlet must be created anew by its container. */
  private final transient List<HttpCacheHandler<?>> handlers;

  /** A servlet that serves {@code handlers}, tried in order. */
  public HttpCacheServlet(HttpCacheHandler<?>... handlers) {
    if (handlers.length == 0) {
      throw new IllegalArgumentException("HttpCacheServlet(): give at least one HttpCacheHandler");
    }
    this.handlers = List.of(handlers);
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    send(HttpDispatch.dispatch(handlers, view(request)), response);
  }

  /**
   * {@code request} as {@link HttpCacheHandler} sees it, its path without the context path: for a
   * framework that dispatches requests itself and calls {@link HttpCacheHandler#respond}.
   */
  public static HttpRequestView view(HttpServletRequest request) {
    return new ServletView(request);
  }

  /** Sends {@code answer}: status, header fields, {@code Content-Length} and body. */
  public static void send(HttpCacheResponse answer, HttpServletResponse response)
      throws IOException {
    response.setStatus(answer.status());
    answer.headers().forEach(response::setHeader);
    if (answer.contentLength() >= 0 && answer.status() != 304) {
      response.setContentLengthLong(answer.contentLength());
    }
    if (answer.hasBody()) {
      try (OutputStream body = response.getOutputStream()) {
        answer.writeBody(body);
      }
    }
  }

  private static final class ServletView implements HttpRequestView {
    private final HttpServletRequest request;

    ServletView(HttpServletRequest request) {
      this.request = request;
    }

    @Override
    public String method() {
      return request.getMethod();
    }

    @Override
    public String rawPath() {
      String uri = request.getRequestURI();
      String context = request.getContextPath();
      String path = context.isEmpty() ? uri : uri.substring(context.length());
      return path.isEmpty() ? "/" : path;
    }

    @Override
    public List<String> headers(String name) {
      Enumeration<String> values = request.getHeaders(name);
      return values == null ? List.of() : Collections.list(values);
    }

    @Override
    public InputStream body() throws IOException {
      return request.getInputStream();
    }
  }
}
