package dev.cachegen.examples;

import dev.cachegen.annotations.Cached;
import dev.cachegen.annotations.Invalidate;
import dev.cachegen.annotations.InvalidateTags;
import dev.cachegen.annotations.WriteThrough;
import java.util.List;

/**
 * The application's view of its product store. The annotations are all there is to caching: the
 * processor writes {@code CachedProductCatalog} next to this interface at compile time.
 */
public interface ProductCatalog {

  /** One product by id, or {@code null}. Hot, and changes rarely: cached for ten minutes. */
  @Cached(name = "products", key = "{id}", ttl = "10m", localTtl = "1m")
  Product find(long id);

  /**
   * One page of a category, newest first. Cached for 30 seconds, and tagged with its category so
   * that a write to any product of the category drops every page of it at once.
   */
  @Cached(
      name = "catalog.category",
      key = "{category}:{page}",
      ttl = "30s",
      localTtl = "5s",
      tags = "category:{category}")
  List<Product> byCategory(String category, int page);

  /** How many products there are. Not cached: always asks the store. */
  long count();

  /** Stores a changed product, then puts it in the cache: the next read needs no query. */
  @WriteThrough(name = "products", key = "{product.id}", value = "product")
  @InvalidateTags("category:{product.category}")
  void update(Product product);

  /** Deletes one product and drops it, and the pages of its category, from every cache. */
  @Invalidate(name = "products", key = "{id}")
  @InvalidateTags("category:{category}")
  void delete(long id, String category);

  /** Deletes a whole category: every page of it, and every cached product (one O(1) step each). */
  @Invalidate(name = "products", allEntries = true)
  @InvalidateTags("category:{category}")
  int deleteCategory(String category);
}
