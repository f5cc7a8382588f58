package dev.cachegen.annotations;

/**
 * What kind of entity tag an HTTP response carries (RFC 9110 section 8.8.3). Entity tags let a
 * client that holds a response ask "has it changed?" with {@code If-None-Match} and receive a
 * bodiless {@code 304 Not Modified} when it has not, and let a client that updates a resource say
 * "only if nobody changed it since I read it" with {@code If-Match}.
 *
 * <p>cachegen computes the tag from the bytes of the encoded response, once per cached value.
 *
 * @see CacheControl#etag()
 */
public enum ETag {
  /**
   * A strong tag such as {@code "3q2-7wLt9Ad0K1yG2f8GZA"}: equal tags mean byte-for-byte equal
   * bodies. Usable both for revalidation ({@code If-None-Match}) and for lost-update protection
   * ({@code If-Match}). The default.
   */
  STRONG,

  /**
   * A weak tag such as {@code W/"3q2-7wLt9Ad0K1yG2f8GZA"}: equal tags mean equivalent bodies. Good
   * for revalidation, never matched by {@code If-Match} (which requires strong comparison). Choose
   * it when something between the server and the client may re-encode the body (compress it,
   * reformat it) without changing its meaning.
   */
  WEAK,

  /**
   * No entity tag. Clients then revalidate with {@code If-Modified-Since} against {@code
   * Last-Modified} only, which has a resolution of one second.
   */
  NONE
}
