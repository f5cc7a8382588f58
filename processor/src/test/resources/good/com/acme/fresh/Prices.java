package com.acme.fresh;

import dev.cachegen.annotations.Cached;
import dev.cachegen.annotations.StampedePolicy;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Prices are slow to compute and read all the time: refreshed before they expire, served stale
 * while they reload, and kept through an outage of the pricing service.
 */
public interface Prices {
  /** A price in cents. */
  record Price(String sku, long cents) {}

  @Cached(ttl = "10m", earlyRefresh = 1.0)
  Price price(String sku);

  @Cached(ttl = "1m", staleWhileRevalidate = "30s", staleIfError = "1h")
  CompletableFuture<Price> quote(String sku);

  @Cached(ttl = "1m", staleWhileRevalidate = "2m")
  CompletionStage<Price> listPrice(String sku);

  @Cached(ttl = "1m", staleWhileRevalidate = "2m")
  Optional<Price> discount(String sku);

  @Cached(ttl = "1m", staleIfError = "10m", stampede = StampedePolicy.NONE)
  long stock(String sku);

  @Cached(name = "prices.byId", batchWith = "byIds", earlyRefresh = 0.5)
  Price byId(long id);

  /** Loads prices in bulk; not cached itself, only used for batches. */
  Map<Long, Price> byIds(Collection<Long> ids);
}
