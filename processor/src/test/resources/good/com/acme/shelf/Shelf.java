package com.acme.shelf;

import dev.cachegen.annotations.CacheKey;
import dev.cachegen.annotations.Cached;
import dev.cachegen.annotations.Invalidate;
import dev.cachegen.annotations.WriteBehind;
import dev.cachegen.annotations.WriteThrough;
import java.util.List;

/**
 * The frictions of issue 12, item 5: constant tags inherited by writers, {@code @CacheKey} on
 * writes and invalidations, parameters named like the methods of {@code Object}.
 */
public interface Shelf {
  record Product(long id, String name, long ownerId) {}

  @Cached(name = "products", tags = "products")
  Product find(long id);

  @Cached(name = "byOwner", key = "{ownerId}", tags = {"products", "owner:{ownerId}"})
  List<Product> byOwner(long ownerId);

  @WriteThrough(name = "products", value = "product")
  void save(@CacheKey long id, Product product, String note);

  @WriteThrough(name = "byOwner", value = "all", tags = "owner:{ownerId}")
  void replace(long ownerId, List<Product> all);

  @WriteBehind(name = "products", key = "{product.id}", value = "product")
  void saveLater(Product product, String hashCode, int wait, String hashCode_);

  @Invalidate(name = "products")
  void delete(@CacheKey long id, String reason);
}
