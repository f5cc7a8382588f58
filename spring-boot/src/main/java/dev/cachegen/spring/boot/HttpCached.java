package dev.cachegen.spring.boot;

import dev.cachegen.runtime.http.HttpCachePolicy;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A Spring MVC controller's answer that carries a value and the {@code @CacheControl} policy the
 * processor generated for it, so that the response gets that policy's {@code Cache-Control}, an
 * {@code ETag}, a {@code Last-Modified} and {@code 304 Not Modified} for a client whose copy is
 * current, all from the runtime's {@link dev.cachegen.runtime.http.HttpCacheHandler}:
 *
 * <pre>{@code
 * @GetMapping("/products/{id}")
 * HttpCached<Product> product(@PathVariable long id) {
 *   return HttpCached.of(CachedProductService.FIND_HTTP, products.find(id));
 * }
 * }</pre>
 *
 * <p>The value comes from the cached interface, so a value served again and again from the
 * in-process tier is the same instance, and its body and entity-tag are computed once. A {@code
 * null} value (or an empty {@code Optional}) answers {@code 404}; the body is JSON. Only {@code
 * GET} (and {@code HEAD}, which Spring maps to it) is answered this way; another method gets {@code
 * 405}.
 *
 * @param <V> the value's type
 */
public final class HttpCached<V> {
  private final HttpCachePolicy<V> policy;
  private final @Nullable V value;

  private HttpCached(HttpCachePolicy<V> policy, @Nullable V value) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.value = value;
  }

  /** {@code value} served with {@code policy}; {@code null} answers 404. */
  public static <V> HttpCached<V> of(HttpCachePolicy<V> policy, @Nullable V value) {
    return new HttpCached<>(policy, value);
  }

  /** The value inside {@code value} served with {@code policy}; empty answers 404. */
  public static <V> HttpCached<V> of(HttpCachePolicy<V> policy, Optional<V> value) {
    return new HttpCached<>(policy, value.orElse(null));
  }

  /** The policy, a {@code _HTTP} constant of a generated decorator. */
  public HttpCachePolicy<V> policy() {
    return policy;
  }

  /** The value, or {@code null} for none. */
  public @Nullable V value() {
    return value;
  }
}
