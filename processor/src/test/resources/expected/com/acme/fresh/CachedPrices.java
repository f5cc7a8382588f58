package com.acme.fresh;

import dev.cachegen.annotations.StampedePolicy;
import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.runtime.internal.Batcher;
import dev.cachegen.runtime.internal.Cache;
import dev.cachegen.runtime.internal.CacheDefinition;
import dev.cachegen.runtime.internal.CacheEntry;
import dev.cachegen.runtime.internal.Keys;
import dev.cachegen.runtime.internal.Values;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javax.annotation.processing.Generated;

/**
 * Caching decorator of {@link Prices}, written by cachegen from the interface's annotations.
 * Calls of cached methods are answered from the caches when possible; all other calls go straight to the delegate.
 */
@Generated("dev.cachegen.processor.CachingProcessor")
public final class CachedPrices implements Prices {
  /**
   * Cache of {@link Prices#price(String)}; value shape {@code com.acme.fresh.Prices.Price(sku:java.lang.String,cents:long)}.
   */
  private static final CacheDefinition<Prices.Price> PRICE =
      CacheDefinition.<Prices.Price>builder("Prices.price", Prices.Price.class)
          .shape("b7fcac81")
          .ttlNanos(600_000_000_000L) // 10m
          .localTtlNanos(60_000_000_000L) // 1m
          .earlyRefresh(1.0)
          .build();

  /**
   * Cache of {@link Prices#quote(String)}; value shape {@code com.acme.fresh.Prices.Price(sku:java.lang.String,cents:long)}.
   */
  private static final CacheDefinition<Prices.Price> QUOTE =
      CacheDefinition.<Prices.Price>builder("Prices.quote", Prices.Price.class)
          .shape("b7fcac81")
          .ttlNanos(60_000_000_000L) // 1m
          .localTtlNanos(60_000_000_000L) // 1m
          .staleWhileRevalidateNanos(30_000_000_000L) // 30s
          .staleIfErrorNanos(3_600_000_000_000L) // 1h
          .build();

  /**
   * Cache of {@link Prices#listPrice(String)}; value shape {@code com.acme.fresh.Prices.Price(sku:java.lang.String,cents:long)}.
   */
  private static final CacheDefinition<Prices.Price> LIST_PRICE =
      CacheDefinition.<Prices.Price>builder("Prices.listPrice", Prices.Price.class)
          .shape("b7fcac81")
          .ttlNanos(60_000_000_000L) // 1m
          .localTtlNanos(60_000_000_000L) // 1m
          .staleWhileRevalidateNanos(120_000_000_000L) // 2m
          .build();

  /**
   * Cache of {@link Prices#discount(String)}; value shape {@code com.acme.fresh.Prices.Price(sku:java.lang.String,cents:long)}.
   */
  private static final CacheDefinition<Prices.Price> DISCOUNT =
      CacheDefinition.<Prices.Price>builder("Prices.discount", Prices.Price.class)
          .shape("b7fcac81")
          .ttlNanos(60_000_000_000L) // 1m
          .localTtlNanos(60_000_000_000L) // 1m
          .staleWhileRevalidateNanos(120_000_000_000L) // 2m
          .build();

  /**
   * Cache of {@link Prices#stock(String)}; value shape {@code java.lang.Long}.
   */
  private static final CacheDefinition<Long> STOCK =
      CacheDefinition.<Long>builder("Prices.stock", Long.class)
          .shape("850ce43a")
          .ttlNanos(60_000_000_000L) // 1m
          .localTtlNanos(60_000_000_000L) // 1m
          .stampede(StampedePolicy.NONE)
          .staleIfErrorNanos(600_000_000_000L) // 10m
          .build();

  /**
   * Cache of {@link Prices#byId(long)}; value shape {@code com.acme.fresh.Prices.Price(sku:java.lang.String,cents:long)}.
   */
  private static final CacheDefinition<Prices.Price> BY_ID =
      CacheDefinition.<Prices.Price>builder("prices.byId", Prices.Price.class)
          .shape("b7fcac81")
          .ttlNanos(300_000_000_000L) // 5m
          .localTtlNanos(60_000_000_000L) // 1m
          .earlyRefresh(0.5)
          .build();

  private final Prices delegate;

  private final Cache<Prices.Price> priceCache;

  private final Cache<Prices.Price> quoteCache;

  private final Cache<Prices.Price> listPriceCache;

  private final Cache<Prices.Price> discountCache;

  private final Cache<Long> stockCache;

  private final Cache<Prices.Price> byIdCache;

  private final Batcher<Long, Prices.Price> byIdBatcher;

  /**
   * Decorates {@code delegate}, keeping cached values in the caches of {@code runtime}.
   */
  public CachedPrices(Prices delegate, CacheRuntime runtime) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    Objects.requireNonNull(runtime, "runtime");
    this.priceCache = runtime.cache(PRICE);
    this.quoteCache = runtime.cache(QUOTE);
    this.listPriceCache = runtime.cache(LIST_PRICE);
    this.discountCache = runtime.cache(DISCOUNT);
    this.stockCache = runtime.cache(STOCK);
    this.byIdCache = runtime.cache(BY_ID);
    this.byIdBatcher = runtime.batcher(
        "prices.byId",
        2_000_000L, // 2ms
        100,
        keys -> this.delegate.byIds(keys));
  }

  /**
   * Cached {@link Prices#price(String)}: L1, then L2, then the delegate.
   * An entry picked for early refresh is answered at once and reloaded in the background.
   */
  @Override
  public Prices.Price price(String sku) {
    Object key = Keys.local(sku);
    CacheEntry<Prices.Price> cached = priceCache.getIfPresent(key);
    if (cached != null && !priceCache.refreshDue(cached)) {
      return cached.value();
    }
    String sharedKey = priceCache.sharedKey().value(sku).build();
    return priceCache.get(key, sharedKey, cached, () -> this.delegate.price(sku));
  }

  /**
   * Cached {@link Prices#quote(String)}: L1, then L2, then the delegate.
   * An entry up to 30s past its expiry is answered at once and reloaded in the background.
   * An entry up to 1h past its expiry is answered when its reload fails.
   */
  @Override
  public CompletableFuture<Prices.Price> quote(String sku) {
    Object key = Keys.local(sku);
    CacheEntry<Prices.Price> cached = quoteCache.getIfPresent(key);
    if (cached != null && !quoteCache.refreshDue(cached)) {
      return CompletableFuture.completedFuture(cached.value());
    }
    String sharedKey = quoteCache.sharedKey().value(sku).build();
    return quoteCache.getAsync(key, sharedKey, cached, () -> this.delegate.quote(sku));
  }

  /**
   * Cached {@link Prices#listPrice(String)}: L1, then L2, then the delegate.
   * An entry up to 2m past its expiry is answered at once and reloaded in the background.
   */
  @Override
  public CompletionStage<Prices.Price> listPrice(String sku) {
    Object key = Keys.local(sku);
    CacheEntry<Prices.Price> cached = listPriceCache.getIfPresent(key);
    if (cached != null && !listPriceCache.refreshDue(cached)) {
      return CompletableFuture.completedFuture(cached.value());
    }
    String sharedKey = listPriceCache.sharedKey().value(sku).build();
    return listPriceCache.getAsync(key, sharedKey, cached, () -> this.delegate.listPrice(sku));
  }

  /**
   * Cached {@link Prices#discount(String)}: L1, then L2, then the delegate.
   * An entry up to 2m past its expiry is answered at once and reloaded in the background.
   */
  @Override
  public Optional<Prices.Price> discount(String sku) {
    Object key = Keys.local(sku);
    CacheEntry<Prices.Price> cached = discountCache.getIfPresent(key);
    if (cached != null && !discountCache.refreshDue(cached)) {
      return Optional.ofNullable(cached.value());
    }
    String sharedKey = discountCache.sharedKey().value(sku).build();
    return Optional.ofNullable(discountCache.get(key, sharedKey, cached, () -> Values.orNull(this.delegate.discount(sku))));
  }

  /**
   * Cached {@link Prices#stock(String)}: L1, then L2, then the delegate.
   * An entry up to 10m past its expiry is answered when its reload fails.
   */
  @Override
  public long stock(String sku) {
    Object key = Keys.local(sku);
    CacheEntry<Long> cached = stockCache.getIfPresent(key);
    if (cached != null && !stockCache.refreshDue(cached)) {
      return cached.value();
    }
    String sharedKey = stockCache.sharedKey().value(sku).build();
    return stockCache.get(key, sharedKey, cached, () -> this.delegate.stock(sku));
  }

  /**
   * Cached {@link Prices#byId(long)}: L1, then L2, then the delegate, with misses batched into {@link Prices#byIds(Collection)}.
   * An entry picked for early refresh is answered at once and reloaded in the background.
   */
  @Override
  public Prices.Price byId(long id) {
    Object key = Keys.local(id);
    CacheEntry<Prices.Price> cached = byIdCache.getIfPresent(key);
    if (cached != null && !byIdCache.refreshDue(cached)) {
      return cached.value();
    }
    String sharedKey = byIdCache.sharedKey().value(id).build();
    return byIdCache.get(key, sharedKey, cached, () -> byIdBatcher.load(id));
  }

  /**
   * Delegates {@link Prices#byIds(Collection)}.
   */
  @Override
  public Map<Long, Prices.Price> byIds(Collection<Long> ids) {
    return this.delegate.byIds(ids);
  }
}
