package dev.cachegen.runtime.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * A request as a {@link HttpCacheHandler.ValueLoader} or {@link HttpCacheHandler.WriteAction} sees
 * it: the received request plus the path parameters of the handler's template.
 */
public final class HttpCacheRequest {
  private final HttpRequestView view;
  private final Map<String, String> pathParameters;

  HttpCacheRequest(HttpRequestView view, Map<String, String> pathParameters) {
    this.view = view;
    this.pathParameters = pathParameters;
  }

  /** The request method, such as {@code GET}. */
  public String method() {
    return view.method();
  }

  /** The request path, percent-encoded as received. */
  public String rawPath() {
    return view.rawPath();
  }

  /**
   * The decoded value of a path parameter: for the template {@code /items/{id}} and the path {@code
   * /items/caf%C3%A9}, {@code pathParameter("id")} is {@code café}.
   *
   * @throws IllegalArgumentException if the template has no parameter of that name
   */
  public String pathParameter(String name) {
    String value = pathParameters.get(name);
    if (value == null) {
      throw new IllegalArgumentException(
          "no path parameter {" + name + "}; the template has " + pathParameters.keySet());
    }
    return value;
  }

  /**
   * The first field line of a request header, or {@code null}; {@code name} is case-insensitive.
   */
  public String header(String name) {
    List<String> lines = view.headers(name);
    return lines.isEmpty() ? null : lines.get(0);
  }

  /** Every field line of a request header, in order; empty when absent. */
  public List<String> headers(String name) {
    return view.headers(name);
  }

  /** The request content. */
  public InputStream body() throws IOException {
    return view.body();
  }
}
