package dev.cachegen.examples;

import dev.cachegen.annotations.Cached;
import java.util.List;

/**
 * The application's view of its product store. The annotations are all there is to caching: the
 * processor writes {@code CachedProductCatalog} next to this interface at compile time.
 */
public interface ProductCatalog {

  /** One product by id, or {@code null}. Hot, and changes rarely: cached for ten minutes. */
  @Cached(ttl = "10m", localTtl = "1m")
  Product find(long id);

  /** One page of a category, newest first. Lists change more often: cached for 30 seconds. */
  @Cached(name = "catalog.category", key = "{category}:{page}", ttl = "30s", localTtl = "5s")
  List<Product> byCategory(String category, int page);

  /** How many products there are. Not cached: always asks the store. */
  long count();
}
