package com.acme.web;

import dev.cachegen.annotations.ETag;
import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.runtime.http.HttpCachePolicy;
import dev.cachegen.runtime.internal.Cache;
import dev.cachegen.runtime.internal.CacheDefinition;
import dev.cachegen.runtime.internal.CacheEntry;
import dev.cachegen.runtime.internal.Keys;
import dev.cachegen.runtime.internal.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.annotation.processing.Generated;

/**
 * Caching decorator of {@link Storefront}, written by cachegen from the interface's annotations.
 * Calls of cached methods are answered from the caches when possible; writes keep the caches current; all other calls go straight to the delegate.
 * The {@code _HTTP} constants say how HTTP clients and shared caches may keep the answers of the methods with {@code @CacheControl}; serve them with {@code dev.cachegen.runtime.http.HttpCacheHandler}.
 */
@Generated("dev.cachegen.processor.CachingProcessor")
public final class CachedStorefront implements Storefront {
  /**
   * HTTP caching of {@link Storefront#config()}: {@code Cache-Control: public, max-age=60}. Serve it with {@code HttpCacheHandler.builder(CONFIG_HTTP)}.
   */
  public static final HttpCachePolicy<Storefront.Config> CONFIG_HTTP =
      HttpCachePolicy.builder(Storefront.Config.class)
          .cacheControl("public, max-age=60")
          .vary("Accept-Encoding")
          .build();

  /**
   * HTTP caching of {@link Storefront#asset(String)}: {@code Cache-Control: public, max-age=31536000, s-maxage=2592000, immutable}. Serve it with {@code HttpCacheHandler.builder(ASSET_HTTP)}.
   */
  public static final HttpCachePolicy<Storefront.Asset> ASSET_HTTP =
      HttpCachePolicy.builder(Storefront.Asset.class)
          .cacheControl("public, max-age=31536000, s-maxage=2592000, immutable")
          .etag(ETag.WEAK)
          .build();

  /**
   * HTTP caching of {@link Storefront#profile(String)}: {@code Cache-Control: private, max-age=0, must-revalidate}. Serve it with {@code HttpCacheHandler.builder(PROFILE_HTTP)}.
   */
  public static final HttpCachePolicy<Storefront.Profile> PROFILE_HTTP =
      HttpCachePolicy.builder(Storefront.Profile.class)
          .cacheControl("private, max-age=0, must-revalidate")
          .vary("Cookie", "Accept-Language")
          .lastModified(Storefront.Profile::updatedAt)
          .build();

  /**
   * HTTP caching of {@link Storefront#balance(String)}: {@code Cache-Control: no-store}. Serve it with {@code HttpCacheHandler.builder(BALANCE_HTTP)}.
   */
  public static final HttpCachePolicy<Storefront.Balance> BALANCE_HTTP =
      HttpCachePolicy.builder(Storefront.Balance.class)
          .cacheControl("no-store")
          .etag(ETag.NONE)
          .build();

  /**
   * HTTP caching of {@link Storefront#article(long)}: {@code Cache-Control: public, no-cache, stale-if-error=86400}. Serve it with {@code HttpCacheHandler.builder(ARTICLE_HTTP)}.
   */
  public static final HttpCachePolicy<Storefront.Article> ARTICLE_HTTP =
      HttpCachePolicy.builder(Storefront.Article.class)
          .cacheControl("public, no-cache, stale-if-error=86400")
          .lastModified(value -> {
            OffsetDateTime modified = value.getPublishedAt();
            return modified == null ? null : modified.toInstant();
          })
          .build();

  /**
   * HTTP caching of {@link Storefront#report(String)}: {@code Cache-Control: private, max-age=300, stale-while-revalidate=30}. Serve it with {@code HttpCacheHandler.builder(REPORT_HTTP)}.
   */
  public static final HttpCachePolicy<Storefront.Report> REPORT_HTTP =
      HttpCachePolicy.builder(Storefront.Report.class)
          .cacheControl("private, max-age=300, stale-while-revalidate=30")
          .lastModified(value -> {
            Date modified = value.generated();
            return modified == null ? null : Instant.ofEpochMilli(modified.getTime());
          })
          .build();

  /**
   * HTTP caching of {@link Storefront#assets()}: {@code Cache-Control: public, max-age=60}. Serve it with {@code HttpCacheHandler.builder(ASSETS_HTTP)}.
   */
  public static final HttpCachePolicy<List<Storefront.Asset>> ASSETS_HTTP =
      HttpCachePolicy.<List<Storefront.Asset>>builder(Types.parameterized(List.class, Storefront.Asset.class))
          .cacheControl("public, max-age=60")
          .vary("Accept-Encoding")
          .build();

  /**
   * HTTP caching of {@link Storefront#assetCount()}: {@code Cache-Control: public, max-age=60}. Serve it with {@code HttpCacheHandler.builder(ASSET_COUNT_HTTP)}.
   */
  public static final HttpCachePolicy<Integer> ASSET_COUNT_HTTP =
      HttpCachePolicy.builder(Integer.class)
          .cacheControl("public, max-age=60")
          .vary("Accept-Encoding")
          .build();

  /**
   * Cache of {@link Storefront#config()}; value shape {@code com.acme.web.Storefront.Config(currency:java.lang.String,locales:java.util.List<java.lang.String>)}.
   */
  private static final CacheDefinition<Storefront.Config> CONFIG =
      CacheDefinition.<Storefront.Config>builder("Storefront.config", Storefront.Config.class)
          .shape("d3fa2a3e")
          .ttlNanos(600_000_000_000L) // 10m
          .localTtlNanos(60_000_000_000L) // 1m
          .build();

  /**
   * Cache of {@link Storefront#asset(String)}; value shape {@code com.acme.web.Storefront.Asset(hash:java.lang.String,body:java.lang.String)}.
   */
  private static final CacheDefinition<Storefront.Asset> ASSET =
      CacheDefinition.<Storefront.Asset>builder("Storefront.asset", Storefront.Asset.class)
          .shape("7120448a")
          .ttlNanos(3_600_000_000_000L) // 1h
          .localTtlNanos(60_000_000_000L) // 1m
          .build();

  private final Storefront delegate;

  private final Cache<Storefront.Config> configCache;

  private final Cache<Storefront.Asset> assetCache;

  /**
   * Decorates {@code delegate}, keeping cached values in the caches of {@code runtime}.
   */
  public CachedStorefront(Storefront delegate, CacheRuntime runtime) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    Objects.requireNonNull(runtime, "runtime");
    this.configCache = runtime.cache(CONFIG);
    this.assetCache = runtime.cache(ASSET);
  }

  /**
   * Cached {@link Storefront#config()}: L1, then L2, then the delegate.
   */
  @Override
  public Storefront.Config config() {
    Object key = Keys.NONE;
    CacheEntry<Storefront.Config> cached = configCache.getIfPresent(key);
    if (cached != null) {
      return cached.value();
    }
    String sharedKey = configCache.sharedKey().build();
    return configCache.get(key, sharedKey, cached, () -> this.delegate.config());
  }

  /**
   * Cached {@link Storefront#asset(String)}: L1, then L2, then the delegate.
   */
  @Override
  public Storefront.Asset asset(String hash) {
    Object key = Keys.local(hash);
    CacheEntry<Storefront.Asset> cached = assetCache.getIfPresent(key);
    if (cached != null) {
      return cached.value();
    }
    String sharedKey = assetCache.sharedKey().value(hash).build();
    return assetCache.get(key, sharedKey, cached, () -> this.delegate.asset(hash));
  }

  /**
   * Delegates {@link Storefront#profile(String)}.
   */
  @Override
  public Storefront.Profile profile(String userId) {
    return this.delegate.profile(userId);
  }

  /**
   * Delegates {@link Storefront#balance(String)}.
   */
  @Override
  public Storefront.Balance balance(String accountId) {
    return this.delegate.balance(accountId);
  }

  /**
   * Delegates {@link Storefront#article(long)}.
   */
  @Override
  public Optional<Storefront.Article> article(long id) {
    return this.delegate.article(id);
  }

  /**
   * Delegates {@link Storefront#report(String)}.
   */
  @Override
  public CompletableFuture<Storefront.Report> report(String name) {
    return this.delegate.report(name);
  }

  /**
   * Delegates {@link Storefront#assets()}.
   */
  @Override
  public List<Storefront.Asset> assets() {
    return this.delegate.assets();
  }

  /**
   * Delegates {@link Storefront#assetCount()}.
   */
  @Override
  public int assetCount() {
    return this.delegate.assetCount();
  }

  /**
   * Delegates {@link Storefront#ping()}.
   */
  @Override
  public void ping() {
    this.delegate.ping();
  }

  /**
   * Invalidating {@link Storefront#reloadConfig()}: the delegate, then evict from {@code Storefront.config}.
   */
  @Override
  public Storefront.Config reloadConfig() {
    Storefront.Config result = this.delegate.reloadConfig();
    configCache.invalidate(
        Keys.NONE,
        configCache.sharedKey().build());
    return result;
  }
}
