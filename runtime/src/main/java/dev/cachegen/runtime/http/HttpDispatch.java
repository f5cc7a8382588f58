package dev.cachegen.runtime.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Routing for the server adapters, {@link JdkHttpCacheHandler} and {@link HttpCacheServlet}. */
final class HttpDispatch {
  private HttpDispatch() {}

  /** Routes a request to the first of {@code handlers} whose template matches; else 404. */
  static HttpCacheResponse dispatch(List<HttpCacheHandler<?>> handlers, HttpRequestView request) {
    for (HttpCacheHandler<?> handler : handlers) {
      if (handler.matches(request.rawPath())) {
        return handler.handle(request);
      }
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "text/plain; charset=utf-8");
    headers.put("Cache-Control", "no-store");
    headers.put("Date", HttpDates.format(Instant.now()));
    return HttpCacheResponse.ofText(
        404,
        headers,
        "Not Found\n".getBytes(StandardCharsets.UTF_8),
        !request.method().equals("HEAD"));
  }
}
