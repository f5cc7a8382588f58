package dev.cachegen.examples.spring;

import dev.cachegen.annotations.CacheControl;
import dev.cachegen.annotations.Cached;
import dev.cachegen.annotations.Invalidate;
import dev.cachegen.annotations.Visibility;

/**
 * The shop's products. The starter wraps the bean that implements it ({@link JdbcProductService})
 * in the generated {@code CachedProductService}, so {@link ProductController} gets cached lookups.
 */
public interface ProductService {
  /**
   * The product {@code id}, or {@code null}; cached for ten minutes, a minute in process. Browsers
   * and CDNs may keep it 30 seconds, then revalidate it with its {@code ETag}.
   */
  @Cached(name = "products", key = "{id}", ttl = "10m", cacheNulls = true)
  @CacheControl(visibility = Visibility.PUBLIC, maxAge = "30s")
  Product find(long id);

  /** Renames product {@code id}; its cached entry is dropped on every node. */
  @Invalidate(name = "products", key = "{id}")
  void rename(long id, String name);
}
