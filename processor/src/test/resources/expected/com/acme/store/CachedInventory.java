package com.acme.store;

import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.runtime.internal.Cache;
import dev.cachegen.runtime.internal.CacheDefinition;
import dev.cachegen.runtime.internal.CacheEntry;
import dev.cachegen.runtime.internal.Keys;
import dev.cachegen.runtime.internal.Tags;
import dev.cachegen.runtime.internal.Types;
import dev.cachegen.runtime.internal.WriteBehindDefinition;
import dev.cachegen.runtime.internal.WriteBehindQueue;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import javax.annotation.processing.Generated;

/**
 * Caching decorator of {@link Inventory}, written by cachegen from the interface's annotations.
 * Calls of cached methods are answered from the caches when possible; writes keep the caches current; all other calls go straight to the delegate.
 */
@Generated("dev.cachegen.processor.CachingProcessor")
public final class CachedInventory implements Inventory {
  /**
   * Cache of {@link Inventory#find(long)}; value shape {@code com.acme.store.Inventory.Stock(id:long,ownerId:long,name:java.lang.String,count:int)}.
   */
  private static final CacheDefinition<Inventory.Stock> FIND =
      CacheDefinition.<Inventory.Stock>builder("stock", Inventory.Stock.class)
          .shape("6516fa1b")
          .ttlNanos(600_000_000_000L) // 10m
          .localTtlNanos(60_000_000_000L) // 1m
          .build();

  /**
   * Cache of {@link Inventory#byOwner(long)}; value shape {@code java.util.List<com.acme.store.Inventory.Stock(id:long,ownerId:long,name:java.lang.String,count:int)>}.
   */
  private static final CacheDefinition<List<Inventory.Stock>> BY_OWNER =
      CacheDefinition.<List<Inventory.Stock>>builder("stock.byOwner", Types.parameterized(List.class, Inventory.Stock.class))
          .shape("32dd3861")
          .ttlNanos(60_000_000_000L) // 1m
          .localTtlNanos(60_000_000_000L) // 1m
          .build();

  /**
   * Write-behind queue of {@link Inventory#rename(Inventory.Stock, String)}.
   */
  private static final WriteBehindDefinition<RenameCall> RENAME_WRITES =
      WriteBehindDefinition.<RenameCall>builder("Inventory.rename", RenameCall.class)
          .maxAttempts(3)
          .coalesce(true)
          .build();

  private final Inventory delegate;

  private final CacheRuntime runtime;

  private final Cache<Inventory.Stock> findCache;

  private final Cache<List<Inventory.Stock>> byOwnerCache;

  private final WriteBehindQueue<RenameCall> renameWrites;

  /**
   * Decorates {@code delegate}, keeping cached values in the caches of {@code runtime}.
   */
  public CachedInventory(Inventory delegate, CacheRuntime runtime) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.runtime = Objects.requireNonNull(runtime, "runtime");
    this.findCache = runtime.cache(FIND);
    this.byOwnerCache = runtime.cache(BY_OWNER);
    this.renameWrites = runtime.writeBehind(RENAME_WRITES, call -> this.delegate.rename(call.stock(), call.reason()));
  }

  /**
   * Cached {@link Inventory#find(long)}: L1, then L2, then the delegate.
   */
  @Override
  public Inventory.Stock find(long id) {
    Object key = Keys.local(id);
    CacheEntry<Inventory.Stock> cached = findCache.getIfPresent(key);
    if (cached != null) {
      return cached.value();
    }
    String sharedKey = findCache.sharedKey().value(id).build();
    return findCache.get(key, sharedKey, cached, () -> this.delegate.find(id));
  }

  /**
   * Cached {@link Inventory#byOwner(long)}: L1, then L2, then the delegate.
   */
  @Override
  public List<Inventory.Stock> byOwner(long ownerId) {
    Object key = Keys.local(ownerId);
    CacheEntry<List<Inventory.Stock>> cached = byOwnerCache.getIfPresent(key);
    if (cached != null) {
      return cached.value();
    }
    String sharedKey = byOwnerCache.sharedKey().value(ownerId).build();
    String[] tags = {Tags.builder().literal("owner:").value(ownerId).build()};
    return byOwnerCache.get(key, sharedKey, tags, cached, () -> this.delegate.byOwner(ownerId));
  }

  /**
   * Write-through {@link Inventory#create(Inventory.Draft)}: the delegate, then cache {@code stock}, invalidate tag {@code owner:{draft.ownerId}}.
   */
  @Override
  public Inventory.Stock create(Inventory.Draft draft) throws IOException {
    Inventory.Stock result = this.delegate.create(draft);
    Object key = Keys.local(result == null ? null : result.id());
    String sharedKey = findCache.sharedKey().value(result == null ? null : result.id()).build();
    findCache.put(key, sharedKey, result);
    this.runtime.invalidateTags(Tags.builder().literal("owner:").value(draft == null ? null : draft.ownerId()).build());
    return result;
  }

  /**
   * Write-through {@link Inventory#save(Inventory.Stock)}: the delegate, then cache {@code stock}, evict from {@code stock.byOwner}.
   */
  @Override
  public void save(Inventory.Stock stock) throws IOException {
    this.delegate.save(stock);
    Object key = Keys.local(stock == null ? null : stock.id());
    String sharedKey = findCache.sharedKey().value(stock == null ? null : stock.id()).build();
    findCache.put(key, sharedKey, stock);
    byOwnerCache.invalidate(
        Keys.local(stock == null ? null : stock.ownerId()),
        byOwnerCache.sharedKey().value(stock == null ? null : stock.ownerId()).build());
  }

  /**
   * Write-through {@link Inventory#createAsync(Inventory.Draft)}: the delegate; when its future completes, cache {@code stock}.
   */
  @Override
  public CompletableFuture<Inventory.Stock> createAsync(Inventory.Draft draft) {
    return this.delegate.createAsync(draft).thenApply(result -> {
      Object key = Keys.local(result == null ? null : result.id());
      String sharedKey = findCache.sharedKey().value(result == null ? null : result.id()).build();
      findCache.put(key, sharedKey, result);
      return result;
    });
  }

  /**
   * Write-behind {@link Inventory#rename(Inventory.Stock, String)}: queues the call for the delegate on {@code Inventory.rename}, caches {@code stock}.
   */
  @Override
  public void rename(Inventory.Stock stock, String reason) {
    Object key = Keys.local(stock == null ? null : stock.id());
    String sharedKey = findCache.sharedKey().value(stock == null ? null : stock.id()).build();
    renameWrites.enqueue(sharedKey, new RenameCall(stock, reason));
    findCache.put(key, sharedKey, stock);
  }

  /**
   * Write-through {@link Inventory#replaceAll(long, List)}: the delegate, then cache {@code stock.byOwner}.
   */
  @Override
  public void replaceAll(long ownerId, List<Inventory.Stock> all) {
    this.delegate.replaceAll(ownerId, all);
    Object key = Keys.local(ownerId);
    String sharedKey = byOwnerCache.sharedKey().value(ownerId).build();
    String[] tags = {Tags.builder().literal("owner:").value(ownerId).build()};
    byOwnerCache.put(key, sharedKey, tags, all);
  }

  /**
   * Invalidating {@link Inventory#delete(long)}: the delegate, then evict from {@code stock}, clear {@code stock.byOwner}.
   */
  @Override
  public void delete(long id) {
    this.delegate.delete(id);
    findCache.invalidate(
        Keys.local(id),
        findCache.sharedKey().value(id).build());
    byOwnerCache.invalidateAll();
  }

  /**
   * Invalidating {@link Inventory#deleteByOwner(long)}: the delegate; when its future completes, invalidate tags {@code owner:{ownerId}}, {@code owners}.
   */
  @Override
  public CompletableFuture<Void> deleteByOwner(long ownerId) {
    return this.delegate.deleteByOwner(ownerId).thenApply(result -> {
      this.runtime.invalidateTags(
          Tags.builder().literal("owner:").value(ownerId).build(),
          Tags.builder().literal("owners").build());
      return result;
    });
  }

  /**
   * The arguments of a queued call of {@link Inventory#rename(Inventory.Stock, String)}.
   */
  record RenameCall(Inventory.Stock stock, String reason) {
  }
}
