package com.acme.catalog;

import dev.cachegen.annotations.StampedePolicy;
import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.runtime.internal.Cache;
import dev.cachegen.runtime.internal.CacheDefinition;
import dev.cachegen.runtime.internal.CacheEntry;
import dev.cachegen.runtime.internal.Keys;
import dev.cachegen.runtime.internal.Types;
import dev.cachegen.runtime.internal.Values;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import javax.annotation.processing.Generated;

/**
 * Caching decorator of {@link Catalog.Products}, written by cachegen from the interface's annotations.
 * Calls of cached methods are answered from the caches when possible; all other calls go straight to the delegate.
 */
@Generated("dev.cachegen.processor.CachingProcessor")
public final class CachedCatalog_Products<T extends Comparable<T>> implements Catalog.Products<T> {
  /**
   * Cache of {@link Catalog.Products#page(Catalog.Region, Catalog.Page)}; value shape {@code java.util.List<com.acme.catalog.Catalog.Product(sku:java.lang.String,name:java.lang.String,priceCents:long)>}.
   */
  private static final CacheDefinition<List<Catalog.Product>> PAGE =
      CacheDefinition.<List<Catalog.Product>>builder("Products.page", Types.parameterized(List.class, Catalog.Product.class))
          .shape("92723242")
          .ttlNanos(120_000_000_000L) // 2m
          .localTtlNanos(60_000_000_000L) // 1m
          .build();

  /**
   * Cache of {@link Catalog.Products#bySku(String)}; value shape {@code com.acme.catalog.Catalog.Product(sku:java.lang.String,name:java.lang.String,priceCents:long)}.
   */
  private static final CacheDefinition<Catalog.Product> BY_SKU =
      CacheDefinition.<Catalog.Product>builder("Products.bySku", Catalog.Product.class)
          .shape("e28219f6")
          .ttlNanos(3_600_000_000_000L) // 1h
          .localTtlNanos(60_000_000_000L) // 1m
          .sliding(true)
          .cacheNulls(true)
          .build();

  /**
   * Cache of {@link Catalog.Products#grouped(Catalog.Region, boolean)}; value shape {@code java.util.Map<java.lang.String,java.util.List<? extends com.acme.catalog.Catalog.Product(sku:java.lang.String,name:java.lang.String,priceCents:long)>>}.
   */
  private static final CacheDefinition<Map<String, List<? extends Catalog.Product>>> GROUPED =
      CacheDefinition.<Map<String, List<? extends Catalog.Product>>>builder("Products.grouped", Types.parameterized(Map.class, String.class, Types.parameterized(List.class, Types.subtypeOf(Catalog.Product.class))))
          .shape("a01aab93")
          .ttlNanos(300_000_000_000L) // 5m
          .localTtlNanos(60_000_000_000L) // 1m
          .stampede(StampedePolicy.NONE)
          .build();

  /**
   * Cache of {@link Catalog.Products#count(String, String[])}; value shape {@code java.lang.Integer}.
   */
  private static final CacheDefinition<Integer> COUNT =
      CacheDefinition.<Integer>builder("Products.count", Integer.class)
          .shape("02db1e78")
          .ttlNanos(300_000_000_000L) // 5m
          .localTtlNanos(60_000_000_000L) // 1m
          .build();

  /**
   * Cache of {@link Catalog.Products#thumbnail(UUID, int)}; value shape {@code byte[]}.
   */
  private static final CacheDefinition<byte[]> THUMBNAIL =
      CacheDefinition.<byte[]>builder("Products.thumbnail", byte[].class)
          .shape("c5d3dbfc")
          .ttlNanos(45_000_000_000L) // 45s
          .localTtlNanos(45_000_000_000L) // 45s
          .build();

  /**
   * Cache of {@link Catalog.Products#find(String, long)}; value shape {@code com.acme.catalog.Catalog.Product(sku:java.lang.String,name:java.lang.String,priceCents:long)}.
   */
  private static final CacheDefinition<Catalog.Product> FIND =
      CacheDefinition.<Catalog.Product>builder("Products.find", Catalog.Product.class)
          .shape("e28219f6")
          .ttlNanos(300_000_000_000L) // 5m
          .localTtlNanos(60_000_000_000L) // 1m
          .build();

  /**
   * Cache of {@link Catalog.Products#find(long, String)}; value shape {@code com.acme.catalog.Catalog.Product(sku:java.lang.String,name:java.lang.String,priceCents:long)}.
   */
  private static final CacheDefinition<Catalog.Product> FIND_2 =
      CacheDefinition.<Catalog.Product>builder("Products.find_2", Catalog.Product.class)
          .shape("e28219f6")
          .ttlNanos(300_000_000_000L) // 5m
          .localTtlNanos(60_000_000_000L) // 1m
          .build();

  /**
   * Cache of {@link Catalog.Products#total(Catalog.Region)}; value shape {@code java.lang.Long}.
   */
  private static final CacheDefinition<Long> TOTAL =
      CacheDefinition.<Long>builder("Products.total", Long.class)
          .shape("850ce43a")
          .ttlNanos(300_000_000_000L) // 5m
          .localTtlNanos(60_000_000_000L) // 1m
          .build();

  /**
   * Cache of {@link Catalog.Reader#labels(Catalog.Region)}; value shape {@code java.util.List<java.lang.String>}.
   */
  private static final CacheDefinition<List<String>> LABELS =
      CacheDefinition.<List<String>>builder("catalog.labels", Types.parameterized(List.class, String.class))
          .shape("2a3d2e71")
          .ttlNanos(30_000_000_000L) // 30s
          .localTtlNanos(30_000_000_000L) // 30s
          .build();

  private final Catalog.Products<T> delegate;

  private final Cache<List<Catalog.Product>> pageCache;

  private final Cache<Catalog.Product> bySkuCache;

  private final Cache<Map<String, List<? extends Catalog.Product>>> groupedCache;

  private final Cache<Integer> countCache;

  private final Cache<byte[]> thumbnailCache;

  private final Cache<Catalog.Product> findCache;

  private final Cache<Catalog.Product> find2Cache;

  private final Cache<Long> totalCache;

  private final Cache<List<String>> labelsCache;

  /**
   * Decorates {@code delegate}, keeping cached values in the caches of {@code runtime}.
   */
  public CachedCatalog_Products(Catalog.Products<T> delegate, CacheRuntime runtime) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    Objects.requireNonNull(runtime, "runtime");
    this.pageCache = runtime.cache(PAGE);
    this.bySkuCache = runtime.cache(BY_SKU);
    this.groupedCache = runtime.cache(GROUPED);
    this.countCache = runtime.cache(COUNT);
    this.thumbnailCache = runtime.cache(THUMBNAIL);
    this.findCache = runtime.cache(FIND);
    this.find2Cache = runtime.cache(FIND_2);
    this.totalCache = runtime.cache(TOTAL);
    this.labelsCache = runtime.cache(LABELS);
  }

  /**
   * Cached {@link Catalog.Products#page(Catalog.Region, Catalog.Page)}: L1, then L2, then the delegate.
   */
  @Override
  public CompletableFuture<List<Catalog.Product>> page(Catalog.Region region, Catalog.Page page) {
    Object key = Keys.local(region, page);
    CacheEntry<List<Catalog.Product>> cached = pageCache.getIfPresent(key);
    if (cached != null) {
      return CompletableFuture.completedFuture(cached.value());
    }
    String sharedKey = pageCache.sharedKey()
        .value(region)
        .literal(":")
        .record(page, Catalog.Page::number, Catalog.Page::size)
        .build();
    return pageCache.getAsync(key, sharedKey, cached, () -> this.delegate.page(region, page));
  }

  /**
   * Cached {@link Catalog.Products#bySku(String)}: L1, then L2, then the delegate.
   */
  @Override
  public Optional<Catalog.Product> bySku(String sku) throws IOException, TimeoutException {
    Object key = Keys.local(sku);
    CacheEntry<Catalog.Product> cached = bySkuCache.getIfPresent(key);
    if (cached != null) {
      return Optional.ofNullable(cached.value());
    }
    String sharedKey = bySkuCache.sharedKey().value(sku).build();
    return Optional.ofNullable(bySkuCache.get(key, sharedKey, cached, () -> Values.orNull(this.delegate.bySku(sku))));
  }

  /**
   * Cached {@link Catalog.Products#grouped(Catalog.Region, boolean)}: L1, then L2, then the delegate.
   */
  @Override
  public CompletionStage<Map<String, List<? extends Catalog.Product>>> grouped(
      Catalog.Region region, boolean verbose) {
    Object key = Keys.local(region);
    CacheEntry<Map<String, List<? extends Catalog.Product>>> cached = groupedCache.getIfPresent(key);
    if (cached != null) {
      return CompletableFuture.completedFuture(cached.value());
    }
    String sharedKey = groupedCache.sharedKey().value(region).build();
    return groupedCache.getAsync(key, sharedKey, cached, () -> this.delegate.grouped(region, verbose));
  }

  /**
   * Cached {@link Catalog.Products#count(String, String[])}: L1, then L2, then the delegate.
   */
  @Override
  public int count(String prefix, String... tags) {
    Object key = Keys.local(prefix);
    CacheEntry<Integer> cached = countCache.getIfPresent(key);
    if (cached != null) {
      return cached.value();
    }
    String sharedKey = countCache.sharedKey().value(prefix).build();
    return countCache.get(key, sharedKey, cached, () -> this.delegate.count(prefix, tags));
  }

  /**
   * Cached {@link Catalog.Products#thumbnail(UUID, int)}: L1, then L2, then the delegate.
   */
  @Override
  public byte[] thumbnail(UUID id, int size) {
    Object key = Keys.local(id, size);
    CacheEntry<byte[]> cached = thumbnailCache.getIfPresent(key);
    if (cached != null) {
      return cached.value();
    }
    String sharedKey = thumbnailCache.sharedKey()
        .value(id)
        .value(size)
        .build();
    return thumbnailCache.get(key, sharedKey, cached, () -> this.delegate.thumbnail(id, size));
  }

  /**
   * Cached {@link Catalog.Products#find(String, long)}: L1, then L2, then the delegate.
   */
  @Override
  public Catalog.Product find(String delegate, long key) {
    Object cacheKey = Keys.local(delegate, key);
    CacheEntry<Catalog.Product> cached = findCache.getIfPresent(cacheKey);
    if (cached != null) {
      return cached.value();
    }
    String sharedKey = findCache.sharedKey()
        .value(delegate)
        .value(key)
        .build();
    return findCache.get(cacheKey, sharedKey, cached, () -> this.delegate.find(delegate, key));
  }

  /**
   * Cached {@link Catalog.Products#find(long, String)}: L1, then L2, then the delegate.
   */
  @Override
  public Catalog.Product find(long id, String cached) {
    Object key = Keys.local(id, cached);
    CacheEntry<Catalog.Product> cachedEntry = find2Cache.getIfPresent(key);
    if (cachedEntry != null) {
      return cachedEntry.value();
    }
    String sharedKey = find2Cache.sharedKey()
        .value(id)
        .value(cached)
        .build();
    return find2Cache.get(key, sharedKey, cachedEntry, () -> this.delegate.find(id, cached));
  }

  /**
   * Delegates {@link Catalog.Products#convert(Comparable, Class)}.
   */
  @Override
  public <R> R convert(T value, Class<R> type) {
    return this.delegate.convert(value, type);
  }

  /**
   * Delegates {@link Catalog.Products#describe(Catalog.Product)}.
   */
  @Override
  public String describe(Catalog.Product product) {
    return this.delegate.describe(product);
  }

  /**
   * Cached {@link Catalog.Products#total(Catalog.Region)}: L1, then L2, then the delegate.
   */
  @Override
  public long total(Catalog.Region region) {
    Object key = Keys.local(region);
    CacheEntry<Long> cached = totalCache.getIfPresent(key);
    if (cached != null) {
      return cached.value();
    }
    String sharedKey = totalCache.sharedKey().value(region).build();
    return totalCache.get(key, sharedKey, cached, () -> this.delegate.total(region));
  }

  /**
   * Delegates {@link Catalog.Products#touch(Comparable)}.
   */
  @Override
  public void touch(T value) {
    this.delegate.touch(value);
  }

  /**
   * Delegates {@link Catalog.Reader#read(String)}.
   */
  @Override
  public T read(String id) throws IOException {
    return this.delegate.read(id);
  }

  /**
   * Cached {@link Catalog.Reader#labels(Catalog.Region)}: L1, then L2, then the delegate.
   */
  @Override
  public List<String> labels(Catalog.Region region) {
    Object key = Keys.local(region);
    CacheEntry<List<String>> cached = labelsCache.getIfPresent(key);
    if (cached != null) {
      return cached.value();
    }
    String sharedKey = labelsCache.sharedKey().value(region).build();
    return labelsCache.get(key, sharedKey, cached, () -> this.delegate.labels(region));
  }
}
