package dev.cachegen.runtime.http;

/**
 * Thrown by a {@link HttpCacheHandler.ValueLoader} or {@link HttpCacheHandler.WriteAction} to
 * answer with a status of its choosing, such as {@code 400} for an identifier that is not a number
 * or {@code 403} for a user who may not see the resource.
 *
 * <pre>{@code
 * .get(request -> {
 *   String id = request.pathParameter("id");
 *   if (!id.matches("\\d+")) {
 *     throw new HttpStatusException(400, "id must be a number");
 *   }
 *   return catalog.find(Long.parseLong(id));
 * })
 * }</pre>
 */
public final class HttpStatusException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  /**
   * @param status a client or server error status, 400 to 599
   * @param message sent as the plain-text body
   */
  public HttpStatusException(int status, String message) {
    super(message);
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException(
          "status " + status + ": must be an error status, 400 to 599");
    }
    this.status = status;
  }

  /** The status to answer with. */
  public int status() {
    return status;
  }
}
