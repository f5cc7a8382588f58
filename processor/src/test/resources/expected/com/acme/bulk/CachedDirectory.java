package com.acme.bulk;

import com.acme.Item;
import com.acme.Owner;
import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.runtime.internal.Batcher;
import dev.cachegen.runtime.internal.Cache;
import dev.cachegen.runtime.internal.CacheDefinition;
import dev.cachegen.runtime.internal.CacheEntry;
import dev.cachegen.runtime.internal.Keys;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Caching decorator of {@link Directory}, written by cachegen from the interface's annotations.
 * Calls of cached methods are answered from the caches when possible; all other calls go straight to the delegate.
 */
@Generated("dev.cachegen.processor.CachingProcessor")
public final class CachedDirectory implements Directory {
  /**
   * Cache of {@link Directory#find(long)}; value shape {@code com.acme.Item(id:long,name:java.lang.String)}.
   */
  private static final CacheDefinition<Item> FIND =
      CacheDefinition.<Item>builder("items", Item.class)
          .shape("be6784bc")
          .ttlNanos(600_000_000_000L) // 10m
          .localTtlNanos(60_000_000_000L) // 1m
          .build();

  /**
   * Cache of {@link Directory#findAll(Collection)}; value shape {@code com.acme.Item(id:long,name:java.lang.String)}.
   */
  private static final CacheDefinition<Item> FIND_ALL =
      CacheDefinition.<Item>builder("items", Item.class)
          .shape("be6784bc")
          .ttlNanos(600_000_000_000L) // 10m
          .localTtlNanos(60_000_000_000L) // 1m
          .build();

  /**
   * Cache of {@link Directory#owner(long)}; value shape {@code com.acme.Owner(id:long,email:java.lang.String)}.
   */
  private static final CacheDefinition<Owner> OWNER =
      CacheDefinition.<Owner>builder("owners", Owner.class)
          .shape("91dedecf")
          .ttlNanos(300_000_000_000L) // 5m
          .localTtlNanos(60_000_000_000L) // 1m
          .build();

  private final Directory delegate;

  private final Cache<Item> findCache;

  private final Cache<Item> findAllCache;

  private final Cache<Owner> ownerCache;

  private final Batcher<Long, Owner> ownerBatcher;

  /**
   * Decorates {@code delegate}, keeping cached values in the caches of {@code runtime}.
   */
  public CachedDirectory(Directory delegate, CacheRuntime runtime) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    Objects.requireNonNull(runtime, "runtime");
    this.findCache = runtime.cache(FIND);
    this.findAllCache = runtime.cache(FIND_ALL);
    this.ownerCache = runtime.cache(OWNER);
    this.ownerBatcher = runtime.batcher(
        "owners",
        5_000_000L, // 5ms
        50,
        keys -> this.delegate.owners(new ArrayList<>(keys)));
  }

  /**
   * Cached {@link Directory#find(long)}: L1, then L2, then the delegate.
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
   * Cached bulk {@link Directory#findAll(Collection)}: each key on its own, L1, then L2, then one delegate call with the keys still missing.
   */
  @Override
  public Map<Long, Item> findAll(Collection<Long> ids) {
    return findAllCache.getAll(
        ids,
        id -> Keys.local(id),
        id -> findAllCache.sharedKey().value(id).build(),
        missing -> this.delegate.findAll(missing));
  }

  /**
   * Cached {@link Directory#owner(long)}: L1, then L2, then the delegate, with misses batched into {@link Directory#owners(List)}.
   */
  @Override
  public Owner owner(long id) {
    Object key = Keys.local(id);
    CacheEntry<Owner> cached = ownerCache.getIfPresent(key);
    if (cached != null) {
      return cached.value();
    }
    String sharedKey = ownerCache.sharedKey().value(id).build();
    return ownerCache.get(key, sharedKey, cached, () -> ownerBatcher.load(id));
  }

  /**
   * Delegates {@link Directory#owners(List)}.
   */
  @Override
  public Map<Long, Owner> owners(List<Long> ids) {
    return this.delegate.owners(ids);
  }
}
