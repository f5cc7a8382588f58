package dev.cachegen.spring.boot;

import dev.cachegen.annotations.CacheControl;
import dev.cachegen.annotations.Cached;
import dev.cachegen.annotations.Visibility;

/** A cached interface for the starter's tests; its HTTP policy serves {@link CatalogController}. */
public interface Catalog {
  @Cached(name = "catalog.names", tags = "item:{id}", ttl = "10m")
  @CacheControl(visibility = Visibility.PUBLIC, maxAge = "60s")
  String name(long id);
}
