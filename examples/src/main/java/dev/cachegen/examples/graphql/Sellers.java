package dev.cachegen.examples.graphql;

import dev.cachegen.annotations.Cached;
import java.util.Collection;
import java.util.Map;

/**
 * Who sells each product. A GraphQL query that lists N products and their sellers asks for N
 * sellers: the N+1 problem. Two cachegen answers: the bulk method is cached per seller (one
 * multi-get, one call for the missing ones), and the single-key method batches: misses that arrive
 * within {@code batchWindow} become one call of the bulk method.
 */
public interface Sellers {

  /** A seller. */
  record Seller(long id, String name) {}

  /** One seller; concurrent misses within 10 ms are loaded together through {@link #sellers}. */
  @Cached(name = "sellers", key = "{id}", ttl = "10m", batchWith = "sellers", batchWindow = "10ms")
  Seller seller(long id);

  /** Many sellers at once, each cached on its own in the same cache as {@link #seller}. */
  @Cached(name = "sellers", ttl = "10m")
  Map<Long, Seller> sellers(Collection<Long> ids);
}
