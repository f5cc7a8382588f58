package com.acme.store;

import dev.cachegen.annotations.Cached;
import dev.cachegen.annotations.Invalidate;
import dev.cachegen.annotations.InvalidateTags;
import dev.cachegen.annotations.WriteBehind;
import dev.cachegen.annotations.WriteThrough;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Reads, write-through, write-behind, invalidation and tags over one set of caches. */
public interface Inventory {
  record Stock(long id, long ownerId, String name, int count) {}

  record Draft(long ownerId, String name) {}

  @Cached(name = "stock", ttl = "10m")
  Stock find(long id);

  @Cached(name = "stock.byOwner", key = "{ownerId}", ttl = "1m", tags = "owner:{ownerId}")
  List<Stock> byOwner(long ownerId);

  @WriteThrough(name = "stock", key = "{result.id}")
  @InvalidateTags("owner:{draft.ownerId}")
  Stock create(Draft draft) throws IOException;

  @WriteThrough(name = "stock", key = "{stock.id}", value = "stock")
  @Invalidate(name = "stock.byOwner", key = "{stock.ownerId}")
  void save(Stock stock) throws IOException;

  @WriteThrough(name = "stock", key = "{result.id}")
  CompletableFuture<Stock> createAsync(Draft draft);

  @WriteBehind(name = "stock", key = "{stock.id}", value = "stock", coalesce = true, maxAttempts = 3)
  void rename(Stock stock, String reason);

  @WriteThrough(name = "stock.byOwner", value = "all", tags = "owner:{ownerId}")
  void replaceAll(long ownerId, List<Stock> all);

  @Invalidate(name = "stock")
  @Invalidate(name = "stock.byOwner", allEntries = true)
  void delete(long id);

  @InvalidateTags({"owner:{ownerId}", "owners"})
  CompletableFuture<Void> deleteByOwner(long ownerId);
}
