package dev.cachegen.benchmarks;

import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.runtime.internal.Cache;
import dev.cachegen.runtime.internal.CacheDefinition;
import dev.cachegen.runtime.internal.CacheEntry;
import dev.cachegen.runtime.internal.Keys;
import java.util.concurrent.TimeUnit;

/**
 * The runtime's API called by hand, exactly as {@link Cache}'s Javadoc says a generated method
 * calls it. It is not the generated decorator: it lets the benchmarks split a gap between the
 * generated and the hand-written decorator into what the runtime costs and what the generated code
 * adds, and measure L2 hits through {@link Cache} directly.
 */
public final class RuntimeApiItemService implements ItemService {
  private static final long ONE_HOUR_NANOS = TimeUnit.HOURS.toNanos(1);

  static final CacheDefinition<Item> ITEMS =
      CacheDefinition.<Item>builder("items", Item.class)
          .shape("1")
          .ttlNanos(ONE_HOUR_NANOS)
          .localTtlNanos(ONE_HOUR_NANOS)
          .build();
  static final CacheDefinition<Item> TENANT_ITEMS =
      CacheDefinition.<Item>builder("tenantItems", Item.class)
          .shape("1")
          .ttlNanos(ONE_HOUR_NANOS)
          .localTtlNanos(ONE_HOUR_NANOS)
          .build();

  private final ItemService delegate;
  private final Cache<Item> items;
  private final Cache<Item> tenantItems;

  /** Calls {@code delegate} on misses of the caches {@code runtime} keeps. */
  public RuntimeApiItemService(ItemService delegate, CacheRuntime runtime) {
    this.delegate = delegate;
    this.items = runtime.cache(ITEMS);
    this.tenantItems = runtime.cache(TENANT_ITEMS);
  }

  /** The single-parameter cache. */
  public Cache<Item> items() {
    return items;
  }

  @Override
  public Item find(long id) {
    Object key = Keys.local(id);
    CacheEntry<Item> cached = items.getIfPresent(key);
    if (cached != null) {
      return cached.value();
    }
    String sharedKey = items.sharedKey().value(id).build();
    return items.get(key, sharedKey, cached, () -> delegate.find(id));
  }

  @Override
  public Item find(String tenant, long id) {
    Object key = Keys.local(tenant, id);
    CacheEntry<Item> cached = tenantItems.getIfPresent(key);
    if (cached != null) {
      return cached.value();
    }
    String sharedKey = tenantItems.sharedKey().value(tenant).value(id).build();
    return tenantItems.get(key, sharedKey, cached, () -> delegate.find(tenant, id));
  }
}
