package com.acme.conditions;

import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.runtime.internal.Batcher;
import dev.cachegen.runtime.internal.Cache;
import dev.cachegen.runtime.internal.CacheDefinition;
import dev.cachegen.runtime.internal.CacheEntry;
import dev.cachegen.runtime.internal.Keys;
import dev.cachegen.runtime.internal.Types;
import dev.cachegen.runtime.internal.Values;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.annotation.processing.Generated;

/**
 * Caching decorator of {@link Listings}, written by cachegen from the interface's annotations.
 * Calls of cached methods are answered from the caches when possible; all other calls go straight to the delegate.
 */
@Generated("dev.cachegen.processor.CachingProcessor")
public final class CachedListings implements Listings {
  /**
   * Cache of {@link Listings#page(String, int)}; value shape {@code java.util.List<com.acme.conditions.Listings.Listing(id:long,title:java.lang.String)>}.
   */
  private static final CacheDefinition<List<Listings.Listing>> PAGE =
      CacheDefinition.<List<Listings.Listing>>builder("Listings.page", Types.parameterized(List.class, Listings.Listing.class))
          .shape("3d10d36e")
          .ttlNanos(300_000_000_000L) // 5m
          .localTtlNanos(60_000_000_000L) // 1m
          .build();

  /**
   * Cache of {@link Listings#byOwner(String)}; value shape {@code java.util.List<com.acme.conditions.Listings.Listing(id:long,title:java.lang.String)>}.
   */
  private static final CacheDefinition<List<Listings.Listing>> BY_OWNER =
      CacheDefinition.<List<Listings.Listing>>builder("Listings.byOwner", Types.parameterized(List.class, Listings.Listing.class))
          .shape("3d10d36e")
          .ttlNanos(300_000_000_000L) // 5m
          .localTtlNanos(60_000_000_000L) // 1m
          .unless(result -> result != null && result.isEmpty()) // {result.empty}
          .build();

  /**
   * Cache of {@link Listings#search(Listings.Query)}; value shape {@code java.util.List<com.acme.conditions.Listings.Listing(id:long,title:java.lang.String)>}.
   */
  private static final CacheDefinition<List<Listings.Listing>> SEARCH =
      CacheDefinition.<List<Listings.Listing>>builder("Listings.search", Types.parameterized(List.class, Listings.Listing.class))
          .shape("3d10d36e")
          .ttlNanos(300_000_000_000L) // 5m
          .localTtlNanos(60_000_000_000L) // 1m
          .build();

  /**
   * Cache of {@link Listings#later(long)}; value shape {@code com.acme.conditions.Listings.Listing(id:long,title:java.lang.String)}.
   */
  private static final CacheDefinition<Listings.Listing> LATER =
      CacheDefinition.<Listings.Listing>builder("Listings.later", Listings.Listing.class)
          .shape("8be9de07")
          .ttlNanos(300_000_000_000L) // 5m
          .localTtlNanos(60_000_000_000L) // 1m
          .unless(result -> result == null || result.title() == null || result != null && "".equals(result.title())) // {result.title} == null || {result.title} == ''
          .build();

  /**
   * Cache of {@link Listings#count(String)}; value shape {@code java.lang.Integer}.
   */
  private static final CacheDefinition<Integer> COUNT =
      CacheDefinition.<Integer>builder("Listings.count", Integer.class)
          .shape("02db1e78")
          .ttlNanos(300_000_000_000L) // 5m
          .localTtlNanos(60_000_000_000L) // 1m
          .unless(result -> Integer.valueOf(0).equals(result)) // {result} == 0
          .build();

  /**
   * Cache of {@link Listings#find(long)}; value shape {@code com.acme.conditions.Listings.Listing(id:long,title:java.lang.String)}.
   */
  private static final CacheDefinition<Listings.Listing> FIND =
      CacheDefinition.<Listings.Listing>builder("listings", Listings.Listing.class)
          .shape("8be9de07")
          .ttlNanos(300_000_000_000L) // 5m
          .localTtlNanos(60_000_000_000L) // 1m
          .unless(result -> result != null && "draft".equals(result.title())) // {result.title} == 'draft'
          .build();

  /**
   * Cache of {@link Listings#findAll(Collection)}; value shape {@code com.acme.conditions.Listings.Listing(id:long,title:java.lang.String)}.
   */
  private static final CacheDefinition<Listings.Listing> FIND_ALL =
      CacheDefinition.<Listings.Listing>builder("listings", Listings.Listing.class)
          .shape("8be9de07")
          .ttlNanos(300_000_000_000L) // 5m
          .localTtlNanos(60_000_000_000L) // 1m
          .unless(result -> result != null && "draft".equals(result.title())) // {result.title} == 'draft'
          .build();

  /**
   * Cache of {@link Listings#batched(long)}; value shape {@code com.acme.conditions.Listings.Listing(id:long,title:java.lang.String)}.
   */
  private static final CacheDefinition<Listings.Listing> BATCHED =
      CacheDefinition.<Listings.Listing>builder("batched", Listings.Listing.class)
          .shape("8be9de07")
          .ttlNanos(300_000_000_000L) // 5m
          .localTtlNanos(60_000_000_000L) // 1m
          .unless(result -> result != null && "draft".equals(result.title())) // {result.title} == 'draft'
          .build();

  private final Listings delegate;

  private final Cache<List<Listings.Listing>> pageCache;

  private final Cache<List<Listings.Listing>> byOwnerCache;

  private final Cache<List<Listings.Listing>> searchCache;

  private final Cache<Listings.Listing> laterCache;

  private final Cache<Integer> countCache;

  private final Cache<Listings.Listing> findCache;

  private final Cache<Listings.Listing> findAllCache;

  private final Cache<Listings.Listing> batchedCache;

  private final Batcher<Long, Listings.Listing> batchedBatcher;

  /**
   * Decorates {@code delegate}, keeping cached values in the caches of {@code runtime}.
   */
  public CachedListings(Listings delegate, CacheRuntime runtime) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    Objects.requireNonNull(runtime, "runtime");
    this.pageCache = runtime.cache(PAGE);
    this.byOwnerCache = runtime.cache(BY_OWNER);
    this.searchCache = runtime.cache(SEARCH);
    this.laterCache = runtime.cache(LATER);
    this.countCache = runtime.cache(COUNT);
    this.findCache = runtime.cache(FIND);
    this.findAllCache = runtime.cache(FIND_ALL);
    this.batchedCache = runtime.cache(BATCHED);
    this.batchedBatcher = runtime.batcher(
        "batched",
        2_000_000L, // 2ms
        100,
        keys -> this.delegate.loadAll(new ArrayList<>(keys)));
  }

  /**
   * Cached {@link Listings#page(String, int)}: L1, then L2, then the delegate.
   * Caches only when {@code {page} == 0}; other calls go straight to the delegate.
   */
  @Override
  public List<Listings.Listing> page(String owner, int page) {
    if (!(page == 0)) {
      return this.delegate.page(owner, page);
    }
    Object key = Keys.local(owner, page);
    CacheEntry<List<Listings.Listing>> cached = pageCache.getIfPresent(key);
    if (cached != null) {
      return cached.value();
    }
    String sharedKey = pageCache.sharedKey()
        .value(owner)
        .value(page)
        .build();
    return pageCache.get(key, sharedKey, cached, () -> this.delegate.page(owner, page));
  }

  /**
   * Cached {@link Listings#byOwner(String)}: L1, then L2, then the delegate.
   * A loaded value for which {@code {result.empty}} holds is returned but not cached.
   */
  @Override
  public List<Listings.Listing> byOwner(String owner) {
    Object key = Keys.local(owner);
    CacheEntry<List<Listings.Listing>> cached = byOwnerCache.getIfPresent(key);
    if (cached != null) {
      return cached.value();
    }
    String sharedKey = byOwnerCache.sharedKey().value(owner).build();
    return byOwnerCache.get(key, sharedKey, cached, () -> this.delegate.byOwner(owner));
  }

  /**
   * Cached {@link Listings#search(Listings.Query)}: L1, then L2, then the delegate.
   * Caches only when {@code {query.status} == ACTIVE && !{query.fresh} || {query.owner} == 'admin'}; other calls go straight to the delegate.
   */
  @Override
  public List<Listings.Listing> search(Listings.Query query) {
    if (!(query != null && query.status() == Listings.Status.ACTIVE && !(query != null && query.fresh()) || query != null && "admin".equals(query.owner()))) {
      return this.delegate.search(query);
    }
    Object key = Keys.local(query == null ? null : query.owner(), query == null ? null : query.page());
    CacheEntry<List<Listings.Listing>> cached = searchCache.getIfPresent(key);
    if (cached != null) {
      return cached.value();
    }
    String sharedKey = searchCache.sharedKey()
        .value(query == null ? null : query.owner())
        .literal(":")
        .value(query == null ? null : query.page())
        .build();
    return searchCache.get(key, sharedKey, cached, () -> this.delegate.search(query));
  }

  /**
   * Cached {@link Listings#later(long)}: L1, then L2, then the delegate.
   * A loaded value for which {@code {result.title} == null || {result.title} == ''} holds is returned but not cached.
   */
  @Override
  public CompletableFuture<Listings.Listing> later(long id) {
    Object key = Keys.local(id);
    CacheEntry<Listings.Listing> cached = laterCache.getIfPresent(key);
    if (cached != null) {
      return CompletableFuture.completedFuture(cached.value());
    }
    String sharedKey = laterCache.sharedKey().value(id).build();
    return laterCache.getAsync(key, sharedKey, cached, () -> this.delegate.later(id));
  }

  /**
   * Cached {@link Listings#count(String)}: L1, then L2, then the delegate.
   * A loaded value for which {@code {result} == 0} holds is returned but not cached.
   */
  @Override
  public int count(String owner) {
    Object key = Keys.local(owner);
    CacheEntry<Integer> cached = countCache.getIfPresent(key);
    if (cached != null) {
      return cached.value();
    }
    String sharedKey = countCache.sharedKey().value(owner).build();
    return countCache.get(key, sharedKey, cached, () -> this.delegate.count(owner));
  }

  /**
   * Cached {@link Listings#find(long)}: L1, then L2, then the delegate.
   * A loaded value for which {@code {result.title} == 'draft'} holds is returned but not cached.
   */
  @Override
  public Optional<Listings.Listing> find(long id) {
    Object key = Keys.local(id);
    CacheEntry<Listings.Listing> cached = findCache.getIfPresent(key);
    if (cached != null) {
      return Optional.ofNullable(cached.value());
    }
    String sharedKey = findCache.sharedKey().value(id).build();
    return Optional.ofNullable(findCache.get(key, sharedKey, cached, () -> Values.orNull(this.delegate.find(id))));
  }

  /**
   * Cached bulk {@link Listings#findAll(Collection)}: each key on its own, L1, then L2, then one delegate call with the keys still missing.
   * A loaded value for which {@code {result.title} == 'draft'} holds is returned but not cached.
   * Caches only when {@code !{ids.empty}}; other calls go straight to the delegate.
   */
  @Override
  public Map<Long, Listings.Listing> findAll(Collection<Long> ids) {
    if (ids != null && ids.isEmpty()) {
      return this.delegate.findAll(ids);
    }
    return findAllCache.getAll(
        ids,
        id -> Keys.local(id),
        id -> findAllCache.sharedKey().value(id).build(),
        missing -> this.delegate.findAll(missing));
  }

  /**
   * Cached {@link Listings#batched(long)}: L1, then L2, then the delegate, with misses batched into {@link Listings#loadAll(List)}.
   * A loaded value for which {@code {result.title} == 'draft'} holds is returned but not cached.
   * Caches only when {@code {id} != 0}; other calls go straight to the delegate.
   */
  @Override
  public Listings.Listing batched(long id) {
    if (!(id != 0L)) {
      return this.delegate.batched(id);
    }
    Object key = Keys.local(id);
    CacheEntry<Listings.Listing> cached = batchedCache.getIfPresent(key);
    if (cached != null) {
      return cached.value();
    }
    String sharedKey = batchedCache.sharedKey().value(id).build();
    return batchedCache.get(key, sharedKey, cached, () -> batchedBatcher.load(id));
  }

  /**
   * Delegates {@link Listings#loadAll(List)}.
   */
  @Override
  public Map<Long, Listings.Listing> loadAll(List<Long> ids) {
    return this.delegate.loadAll(ids);
  }
}
