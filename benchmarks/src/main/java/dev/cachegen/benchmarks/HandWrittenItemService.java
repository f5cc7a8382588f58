package dev.cachegen.benchmarks;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * The baseline for the generated decorator: the cache-aside decorator a careful person writes by
 * hand over raw Caffeine, with the same size bound and time to live as the runtime's L1. It has
 * none of the runtime's extras (statistics, stampede control, L2), which is the point: the ratio to
 * it is what those extras and the generated code cost on a hit.
 */
public final class HandWrittenItemService implements ItemService {
  private final ItemService delegate;
  private final Cache<Long, Item> byId;
  private final Cache<TenantItemKey, Item> byTenantAndId;

  /** A decorator over {@code delegate} with its own two Caffeine caches. */
  public HandWrittenItemService(ItemService delegate) {
    this.delegate = delegate;
    this.byId = newCache();
    this.byTenantAndId = newCache();
  }

  /** The single-parameter cache, for the raw Caffeine benchmark. */
  public Cache<Long, Item> byId() {
    return byId;
  }

  @Override
  public Item find(long id) {
    Long key = id;
    Item cached = byId.getIfPresent(key);
    if (cached != null) {
      return cached;
    }
    Item loaded = delegate.find(id);
    if (loaded != null) {
      byId.put(key, loaded);
    }
    return loaded;
  }

  @Override
  public Item find(String tenant, long id) {
    TenantItemKey key = new TenantItemKey(tenant, id);
    Item cached = byTenantAndId.getIfPresent(key);
    if (cached != null) {
      return cached;
    }
    Item loaded = delegate.find(tenant, id);
    if (loaded != null) {
      byTenantAndId.put(key, loaded);
    }
    return loaded;
  }

  private static <K, V> Cache<K, V> newCache() {
    return Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofHours(1)).build();
  }

  /** The two-parameter key as one would write it by hand: a record. */
  record TenantItemKey(String tenant, long id) {}
}
