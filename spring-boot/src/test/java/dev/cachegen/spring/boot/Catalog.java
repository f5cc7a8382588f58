package dev.cachegen.spring.boot;

import dev.cachegen.annotations.Cached;

/** A cached interface for the starter's tests. */
public interface Catalog {
  @Cached(name = "catalog.names", tags = "item:{id}", ttl = "10m")
  String name(long id);
}
