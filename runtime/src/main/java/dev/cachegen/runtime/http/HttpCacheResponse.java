package dev.cachegen.runtime.http;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer of {@link HttpCacheHandler#handle}, for an adapter to send: a status, header fields in
 * the order they should be sent, and possibly a body. {@code Content-Length} is not among the
 * headers: it is {@link #contentLength()}, since every server sets it its own way.
 */
public final class HttpCacheResponse {
  private final int status;
  private final Map<String, String> headers;
  private final Representation representation;
  private final byte[] text;
  private final boolean sendBody;

  private HttpCacheResponse(
      int status,
      Map<String, String> headers,
      Representation representation,
      byte[] text,
      boolean sendBody) {
    this.status = status;
    this.headers = Collections.unmodifiableMap(headers);
    this.representation = representation;
    this.text = text;
    this.sendBody = sendBody;
  }

  static HttpCacheResponse ofRepresentation(
      int status, Map<String, String> headers, Representation representation, boolean sendBody) {
    return new HttpCacheResponse(
        status, new LinkedHashMap<>(headers), representation, null, sendBody);
  }

  static HttpCacheResponse ofText(
      int status, Map<String, String> headers, byte[] text, boolean sendBody) {
    return new HttpCacheResponse(status, new LinkedHashMap<>(headers), null, text, sendBody);
  }

  static HttpCacheResponse empty(int status, Map<String, String> headers) {
    return new HttpCacheResponse(status, new LinkedHashMap<>(headers), null, null, false);
  }

  /** The status code, such as {@code 200} or {@code 304}. */
  public int status() {
    return status;
  }

  /** The header fields to send, in order, without {@code Content-Length}. */
  public Map<String, String> headers() {
    return headers;
  }

  /** One header's value, or {@code null}; {@code name} as it appears in {@link #headers()}. */
  public String header(String name) {
    return headers.get(name);
  }

  /**
   * The value for {@code Content-Length}, or {@code -1} when none is sent (a 304 or a response
   * without content). For a HEAD request it is the length the GET body would have, while {@link
   * #hasBody()} is {@code false}.
   */
  public long contentLength() {
    if (representation != null) {
      return representation.length();
    }
    return text != null ? text.length : -1;
  }

  /** Whether a body follows the headers. */
  public boolean hasBody() {
    return sendBody && contentLength() > 0;
  }

  /** Writes the body, if there is one, to {@code out}. */
  public void writeBody(OutputStream out) throws IOException {
    if (!hasBody()) {
      return;
    }
    if (representation != null) {
      representation.writeTo(out);
    } else {
      out.write(text);
    }
  }

  @Override
  public String toString() {
    return "HttpCacheResponse[" + status + ", " + headers + ", length=" + contentLength() + "]";
  }
}
