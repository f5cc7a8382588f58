package dev.cachegen.examples;

import dev.cachegen.annotations.CacheControl;
import dev.cachegen.annotations.Cached;
import dev.cachegen.annotations.Visibility;
import java.time.Instant;
import java.util.List;

/**
 * The HTTP API of the shop. The same annotations that cache answers in-process and in Redis tell
 * browsers and CDNs how to cache them: the processor turns each {@code @CacheControl} into a
 * constant {@code HttpCachePolicy} of {@code CachedStorefront}, with the header rendered at compile
 * time.
 */
public interface Storefront {

  /** Shop-wide settings: the same for everybody, so CDNs may keep them longer than browsers. */
  record Settings(String currency, int freeShippingCents, Instant updatedAt) {}

  /** A shopper's cart: private to that shopper. */
  record Cart(String shopper, List<Long> productIds, Instant updatedAt) {}

  /** A shopper's store credit: never stored by any cache. */
  record Balance(String shopper, long cents) {}

  @Cached(ttl = "1h")
  @CacheControl(
      visibility = Visibility.PUBLIC,
      maxAge = "60s",
      sMaxAge = "10m",
      lastModified = "updatedAt")
  Settings settings();

  /** One product; cached by {@link ProductCatalog}, so its ETag is computed once per value. */
  @CacheControl(visibility = Visibility.PUBLIC, maxAge = "30s", lastModified = "updatedAt")
  Product product(long id);

  @Cached(key = "{shopper}", ttl = "5m")
  @CacheControl(
      maxAge = "0s",
      mustRevalidate = true,
      vary = "X-Shopper",
      lastModified = "updatedAt")
  Cart cart(String shopper);

  @CacheControl(noStore = true)
  Balance balance(String shopper);
}
