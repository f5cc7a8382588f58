package com.acme.shelf;

import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.runtime.internal.Cache;
import dev.cachegen.runtime.internal.CacheDefinition;
import dev.cachegen.runtime.internal.CacheEntry;
import dev.cachegen.runtime.internal.Keys;
import dev.cachegen.runtime.internal.Tags;
import dev.cachegen.runtime.internal.Types;
import dev.cachegen.runtime.internal.WriteBehindDefinition;
import dev.cachegen.runtime.internal.WriteBehindQueue;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Caching decorator of {@link Shelf}, written by cachegen from the interface's annotations.
 * Calls of cached methods are answered from the caches when possible; writes keep the caches current; all other calls go straight to the delegate.
 */
@Generated("dev.cachegen.processor.CachingProcessor")
public final class CachedShelf implements Shelf {
  /**
   * Cache of {@link Shelf#find(long)}; value shape {@code com.acme.shelf.Shelf.Product(id:long,name:java.lang.String,ownerId:long)}.
   */
  private static final CacheDefinition<Shelf.Product> FIND =
      CacheDefinition.<Shelf.Product>builder("products", Shelf.Product.class)
          .shape("73070eab")
          .ttlNanos(300_000_000_000L) // 5m
          .localTtlNanos(60_000_000_000L) // 1m
          .build();

  /**
   * Cache of {@link Shelf#byOwner(long)}; value shape {@code java.util.List<com.acme.shelf.Shelf.Product(id:long,name:java.lang.String,ownerId:long)>}.
   */
  private static final CacheDefinition<List<Shelf.Product>> BY_OWNER =
      CacheDefinition.<List<Shelf.Product>>builder("byOwner", Types.parameterized(List.class, Shelf.Product.class))
          .shape("109d46ea")
          .ttlNanos(300_000_000_000L) // 5m
          .localTtlNanos(60_000_000_000L) // 1m
          .build();

  /**
   * Write-behind queue of {@link Shelf#saveLater(Shelf.Product, String, int, String)}.
   */
  private static final WriteBehindDefinition<SaveLaterCall> SAVE_LATER_WRITES =
      WriteBehindDefinition.<SaveLaterCall>builder("Shelf.saveLater", SaveLaterCall.class)
          .build();

  private final Shelf delegate;

  private final Cache<Shelf.Product> findCache;

  private final Cache<List<Shelf.Product>> byOwnerCache;

  private final WriteBehindQueue<SaveLaterCall> saveLaterWrites;

  /**
   * Decorates {@code delegate}, keeping cached values in the caches of {@code runtime}.
   */
  public CachedShelf(Shelf delegate, CacheRuntime runtime) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    Objects.requireNonNull(runtime, "runtime");
    this.findCache = runtime.cache(FIND);
    this.byOwnerCache = runtime.cache(BY_OWNER);
    this.saveLaterWrites = runtime.writeBehind(SAVE_LATER_WRITES, call -> this.delegate.saveLater(call.product(), call.hashCode__(), call.wait_(), call.hashCode_()));
  }

  /**
   * Cached {@link Shelf#find(long)}: L1, then L2, then the delegate.
   */
  @Override
  public Shelf.Product find(long id) {
    Object key = Keys.local(id);
    CacheEntry<Shelf.Product> cached = findCache.getIfPresent(key);
    if (cached != null) {
      return cached.value();
    }
    String sharedKey = findCache.sharedKey().value(id).build();
    String[] tags = {Tags.builder().literal("products").build()};
    return findCache.get(key, sharedKey, tags, cached, () -> this.delegate.find(id));
  }

  /**
   * Cached {@link Shelf#byOwner(long)}: L1, then L2, then the delegate.
   */
  @Override
  public List<Shelf.Product> byOwner(long ownerId) {
    Object key = Keys.local(ownerId);
    CacheEntry<List<Shelf.Product>> cached = byOwnerCache.getIfPresent(key);
    if (cached != null) {
      return cached.value();
    }
    String sharedKey = byOwnerCache.sharedKey().value(ownerId).build();
    String[] tags = {Tags.builder().literal("products").build(), Tags.builder().literal("owner:").value(ownerId).build()};
    return byOwnerCache.get(key, sharedKey, tags, cached, () -> this.delegate.byOwner(ownerId));
  }

  /**
   * Write-through {@link Shelf#save(long, Shelf.Product, String)}: the delegate, then cache {@code products}.
   */
  @Override
  public void save(long id, Shelf.Product product, String note) {
    this.delegate.save(id, product, note);
    Object key = Keys.local(id);
    String sharedKey = findCache.sharedKey().value(id).build();
    String[] tags = {Tags.builder().literal("products").build()};
    findCache.put(key, sharedKey, tags, product);
  }

  /**
   * Write-through {@link Shelf#replace(long, List)}: the delegate, then cache {@code byOwner}.
   */
  @Override
  public void replace(long ownerId, List<Shelf.Product> all) {
    this.delegate.replace(ownerId, all);
    Object key = Keys.local(ownerId);
    String sharedKey = byOwnerCache.sharedKey().value(ownerId).build();
    String[] tags = {Tags.builder().literal("products").build(), Tags.builder().literal("owner:").value(ownerId).build()};
    byOwnerCache.put(key, sharedKey, tags, all);
  }

  /**
   * Write-behind {@link Shelf#saveLater(Shelf.Product, String, int, String)}: queues the call for the delegate on {@code Shelf.saveLater}, caches {@code products}.
   */
  @Override
  public void saveLater(Shelf.Product product, String hashCode, int wait, String hashCode_) {
    Object key = Keys.local(product == null ? null : product.id());
    String sharedKey = findCache.sharedKey().value(product == null ? null : product.id()).build();
    String[] tags = {Tags.builder().literal("products").build()};
    saveLaterWrites.enqueue(sharedKey, new SaveLaterCall(product, hashCode, wait, hashCode_));
    findCache.put(key, sharedKey, tags, product);
  }

  /**
   * Invalidating {@link Shelf#delete(long, String)}: the delegate, then evict from {@code products}.
   */
  @Override
  public void delete(long id, String reason) {
    this.delegate.delete(id, reason);
    findCache.invalidate(
        Keys.local(id),
        findCache.sharedKey().value(id).build());
  }

  /**
   * The arguments of a queued call of {@link Shelf#saveLater(Shelf.Product, String, int, String)}.
   */
  record SaveLaterCall(Shelf.Product product, String hashCode__, int wait_, String hashCode_) {
  }
}
