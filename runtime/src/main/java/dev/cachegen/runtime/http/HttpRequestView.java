package dev.cachegen.runtime.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * What {@link HttpCacheHandler} needs to know about a request, whatever server received it. The
 * adapters {@link JdkHttpCacheHandler} and {@link HttpCacheServlet} implement it; another server is
 * supported by implementing these four methods.
 */
public interface HttpRequestView {

  /** The request method, such as {@code GET}, as received (methods are case-sensitive). */
  String method();

  /**
   * The request path as received, still percent-encoded, without the query, relative to the
   * application's root (for a servlet, without the context path). For example {@code
   * /items/caf%C3%A9}.
   */
  String rawPath();

  /**
   * Every field line of a request header, in the order received; empty when the header is absent.
   * {@code name} is case-insensitive.
   */
  List<String> headers(String name);

  /** The request content. */
  InputStream body() throws IOException;
}
