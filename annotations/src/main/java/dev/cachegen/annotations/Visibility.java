package dev.cachegen.annotations;

/**
 * Who may store an HTTP response: every cache on the way, or only the user's own client. Rendered
 * as the {@code public} or {@code private} directive of {@code Cache-Control} (RFC 9111 section
 * 5.2.2.9 and 5.2.2.7).
 *
 * @see CacheControl#visibility()
 */
public enum Visibility {
  /**
   * Shared caches (a CDN, a reverse proxy such as nginx, a corporate proxy) may store the response
   * and serve it to anyone. Only for answers that are the same whoever asks: a catalogue, public
   * configuration, a product page.
   */
  PUBLIC,

  /**
   * Only the client that asked (a browser, an app) may store the response; shared caches must not.
   * For answers that depend on who asks: a profile, a basket, per-user settings.
   */
  PRIVATE
}
