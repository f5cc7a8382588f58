package dev.cachegen.benchmarks;

import dev.cachegen.annotations.Cached;

/**
 * The service every L1 and L2 benchmark calls. The annotation processor writes {@code
 * CachedItemService} for it; the hand-written and Spring variants implement it too, so every
 * benchmark calls the same interface method.
 *
 * <p>Both times to live are long enough that no entry expires during a run: a benchmark measures
 * hits, never a reload.
 */
public interface ItemService {

  /** One item by id: a single-parameter key. */
  @Cached(name = "items", ttl = "1h", localTtl = "1h")
  Item find(long id);

  /** One item of a tenant: a two-parameter key. */
  @Cached(name = "tenantItems", ttl = "1h", localTtl = "1h")
  Item find(String tenant, long id);
}
