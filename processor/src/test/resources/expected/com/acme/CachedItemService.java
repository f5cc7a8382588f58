package com.acme;

import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.runtime.internal.Cache;
import dev.cachegen.runtime.internal.CacheDefinition;
import dev.cachegen.runtime.internal.CacheEntry;
import dev.cachegen.runtime.internal.Keys;
import dev.cachegen.runtime.internal.Types;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Caching decorator of {@link ItemService}, written by cachegen from the interface's annotations.
 * Calls of cached methods are answered from the caches when possible; all other calls go straight to the delegate.
 */
@Generated("dev.cachegen.processor.CachingProcessor")
public final class CachedItemService implements ItemService {
  /**
   * Cache of {@link ItemService#find(long)}; value shape {@code com.acme.Item(id:long,name:java.lang.String)}.
   */
  private static final CacheDefinition<Item> FIND =
      CacheDefinition.<Item>builder("ItemService.find", Item.class)
          .shape("be6784bc")
          .ttlNanos(600_000_000_000L) // 10m
          .localTtlNanos(60_000_000_000L) // 1m
          .build();

  /**
   * Cache of {@link ItemService#byOwner(Owner, boolean)}; value shape {@code java.util.List<com.acme.Item(id:long,name:java.lang.String)>}.
   */
  private static final CacheDefinition<List<Item>> BY_OWNER =
      CacheDefinition.<List<Item>>builder("items.byOwner", Types.parameterized(List.class, Item.class))
          .shape("3f52bc78")
          .ttlNanos(30_000_000_000L) // 30s
          .localTtlNanos(5_000_000_000L) // 5s
          .build();

  private final ItemService delegate;

  private final Cache<Item> findCache;

  private final Cache<List<Item>> byOwnerCache;

  /**
   * Decorates {@code delegate}, keeping cached values in the caches of {@code runtime}.
   */
  public CachedItemService(ItemService delegate, CacheRuntime runtime) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    Objects.requireNonNull(runtime, "runtime");
    this.findCache = runtime.cache(FIND);
    this.byOwnerCache = runtime.cache(BY_OWNER);
  }

  /**
   * Cached {@link ItemService#find(long)}: L1, then L2, then the delegate.
   */
  @Override
  public Item find(long id) {
    Object key = Keys.local(id);
    CacheEntry<Item> cached = findCache.getIfPresent(key);
    if (cached != null) {
      return cached.value();
    }
    String sharedKey = findCache.sharedKey().value(id).build();
    return findCache.get(key, sharedKey, cached, () -> this.delegate.find(id));
  }

  /**
   * Cached {@link ItemService#byOwner(Owner, boolean)}: L1, then L2, then the delegate.
   */
  @Override
  public List<Item> byOwner(Owner owner, boolean verbose) throws IOException {
    Object key = Keys.local(owner == null ? null : owner.id());
    CacheEntry<List<Item>> cached = byOwnerCache.getIfPresent(key);
    if (cached != null) {
      return cached.value();
    }
    String sharedKey = byOwnerCache.sharedKey()
        .literal("owner:")
        .value(owner == null ? null : owner.id())
        .build();
    return byOwnerCache.get(key, sharedKey, cached, () -> this.delegate.byOwner(owner, verbose));
  }

  /**
   * Delegates {@link ItemService#count()}.
   */
  @Override
  public int count() {
    return this.delegate.count();
  }
}
