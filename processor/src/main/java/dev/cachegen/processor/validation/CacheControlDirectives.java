package dev.cachegen.processor.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The directives of one {@code @CacheControl}, checked, and the {@code Cache-Control} field value
 * they make. The order is fixed, so the same annotation always gives the same text: {@code
 * no-store} alone, or {@code public}/{@code private}, {@code no-cache}, {@code max-age}, {@code
 * s-maxage}, {@code must-revalidate}, {@code stale-while-revalidate}, {@code stale-if-error},
 * {@code immutable}.
 *
 * @param noStore the {@code no-store} directive, which excludes every other
 * @param isPublic {@code public} rather than {@code private}
 * @param noCache the {@code no-cache} directive
 * @param maxAge {@code max-age} in seconds, if set
 * @param sMaxAge {@code s-maxage} in seconds, if set
 * @param mustRevalidate the {@code must-revalidate} directive
 * @param staleWhileRevalidate {@code stale-while-revalidate} in seconds, if set
 * @param staleIfError {@code stale-if-error} in seconds, if set
 * @param immutable the {@code immutable} directive
 */
record CacheControlDirectives(
    boolean noStore,
    boolean isPublic,
    boolean noCache,
    OptionalLong maxAge,
    OptionalLong sMaxAge,
    boolean mustRevalidate,
    OptionalLong staleWhileRevalidate,
    OptionalLong staleIfError,
    boolean immutable) {

  /** The field value, such as {@code public, max-age=60, s-maxage=300}. */
  String render() {
    if (noStore) {
      return "no-store";
    }
    List<String> directives = new ArrayList<>();
    directives.add(isPublic ? "public" : "private");
    if (noCache) {
      directives.add("no-cache");
    }
    maxAge.ifPresent(seconds -> directives.add("max-age=" + seconds));
    sMaxAge.ifPresent(seconds -> directives.add("s-maxage=" + seconds));
    if (mustRevalidate) {
      directives.add("must-revalidate");
    }
    staleWhileRevalidate.ifPresent(seconds -> directives.add("stale-while-revalidate=" + seconds));
    staleIfError.ifPresent(seconds -> directives.add("stale-if-error=" + seconds));
    if (immutable) {
      directives.add("immutable");
    }
    return String.join(", ", directives);
  }
}
