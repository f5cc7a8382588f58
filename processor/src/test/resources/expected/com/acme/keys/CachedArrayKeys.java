package com.acme.keys;

import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.runtime.internal.Cache;
import dev.cachegen.runtime.internal.CacheDefinition;
import dev.cachegen.runtime.internal.CacheEntry;
import dev.cachegen.runtime.internal.Keys;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Caching decorator of {@link ArrayKeys}, written by cachegen from the interface's annotations.
 * Calls of cached methods are answered from the caches when possible; writes keep the caches current; all other calls go straight to the delegate.
 */
@Generated("dev.cachegen.processor.CachingProcessor")
public final class CachedArrayKeys implements ArrayKeys {
  /**
   * Cache of {@link ArrayKeys#joined(String[])}; value shape {@code java.lang.String}.
   */
  private static final CacheDefinition<String> JOINED =
      CacheDefinition.<String>builder("ArrayKeys.joined", String.class)
          .shape("73cc7ce3")
          .ttlNanos(300_000_000_000L) // 5m
          .localTtlNanos(60_000_000_000L) // 1m
          .build();

  /**
   * Cache of {@link ArrayKeys#total(long[])}; value shape {@code java.lang.Long}.
   */
  private static final CacheDefinition<Long> TOTAL =
      CacheDefinition.<Long>builder("ArrayKeys.total", Long.class)
          .shape("850ce43a")
          .ttlNanos(300_000_000_000L) // 5m
          .localTtlNanos(60_000_000_000L) // 1m
          .build();

  /**
   * Cache of {@link ArrayKeys#byQuery(ArrayKeys.Query)}; value shape {@code java.lang.String}.
   */
  private static final CacheDefinition<String> BY_QUERY =
      CacheDefinition.<String>builder("ArrayKeys.byQuery", String.class)
          .shape("73cc7ce3")
          .ttlNanos(300_000_000_000L) // 5m
          .localTtlNanos(60_000_000_000L) // 1m
          .build();

  /**
   * Cache of {@link ArrayKeys#colors(ArrayKeys.Color[], char[])}; value shape {@code java.lang.String}.
   */
  private static final CacheDefinition<String> COLORS =
      CacheDefinition.<String>builder("ArrayKeys.colors", String.class)
          .shape("73cc7ce3")
          .ttlNanos(300_000_000_000L) // 5m
          .localTtlNanos(60_000_000_000L) // 1m
          .build();

  /**
   * Cache of {@link ArrayKeys#pages(ArrayKeys.Page[])}; value shape {@code java.lang.String}.
   */
  private static final CacheDefinition<String> PAGES =
      CacheDefinition.<String>builder("ArrayKeys.pages", String.class)
          .shape("73cc7ce3")
          .ttlNanos(300_000_000_000L) // 5m
          .localTtlNanos(60_000_000_000L) // 1m
          .build();

  private final ArrayKeys delegate;

  private final Cache<String> joinedCache;

  private final Cache<Long> totalCache;

  private final Cache<String> byQueryCache;

  private final Cache<String> colorsCache;

  private final Cache<String> pagesCache;

  /**
   * Decorates {@code delegate}, keeping cached values in the caches of {@code runtime}.
   */
  public CachedArrayKeys(ArrayKeys delegate, CacheRuntime runtime) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    Objects.requireNonNull(runtime, "runtime");
    this.joinedCache = runtime.cache(JOINED);
    this.totalCache = runtime.cache(TOTAL);
    this.byQueryCache = runtime.cache(BY_QUERY);
    this.colorsCache = runtime.cache(COLORS);
    this.pagesCache = runtime.cache(PAGES);
  }

  /**
   * Cached {@link ArrayKeys#joined(String[])}: L1, then L2, then the delegate.
   */
  @Override
  public String joined(String... parts) {
    Object key = Keys.local(Keys.array(parts));
    CacheEntry<String> cached = joinedCache.getIfPresent(key);
    if (cached != null) {
      return cached.value();
    }
    String sharedKey = joinedCache.sharedKey().array(parts).build();
    return joinedCache.get(key, sharedKey, cached, () -> this.delegate.joined(parts));
  }

  /**
   * Cached {@link ArrayKeys#total(long[])}: L1, then L2, then the delegate.
   */
  @Override
  public long total(long[] ids) {
    Object key = Keys.local(Keys.array(ids));
    CacheEntry<Long> cached = totalCache.getIfPresent(key);
    if (cached != null) {
      return cached.value();
    }
    String sharedKey = totalCache.sharedKey().array(ids).build();
    return totalCache.get(key, sharedKey, cached, () -> this.delegate.total(ids));
  }

  /**
   * Cached {@link ArrayKeys#byQuery(ArrayKeys.Query)}: L1, then L2, then the delegate.
   */
  @Override
  public String byQuery(ArrayKeys.Query query) {
    Object key = Keys.local(query == null ? null : query.owner(), Keys.array(query == null ? null : query.ids()));
    CacheEntry<String> cached = byQueryCache.getIfPresent(key);
    if (cached != null) {
      return cached.value();
    }
    String sharedKey = byQueryCache.sharedKey()
        .literal("owner:")
        .value(query == null ? null : query.owner())
        .literal(":")
        .array(query == null ? null : query.ids())
        .build();
    return byQueryCache.get(key, sharedKey, cached, () -> this.delegate.byQuery(query));
  }

  /**
   * Cached {@link ArrayKeys#colors(ArrayKeys.Color[], char[])}: L1, then L2, then the delegate.
   */
  @Override
  public String colors(ArrayKeys.Color[] colors, char[] initials) {
    Object key = Keys.local(Keys.array(colors), Keys.array(initials));
    CacheEntry<String> cached = colorsCache.getIfPresent(key);
    if (cached != null) {
      return cached.value();
    }
    String sharedKey = colorsCache.sharedKey()
        .array(colors)
        .array(initials)
        .build();
    return colorsCache.get(key, sharedKey, cached, () -> this.delegate.colors(colors, initials));
  }

  /**
   * Cached {@link ArrayKeys#pages(ArrayKeys.Page[])}: L1, then L2, then the delegate.
   */
  @Override
  public String pages(ArrayKeys.Page... pages) {
    Object key = Keys.local(Keys.array(pages));
    CacheEntry<String> cached = pagesCache.getIfPresent(key);
    if (cached != null) {
      return cached.value();
    }
    String sharedKey = pagesCache.sharedKey().records(pages, ArrayKeys.Page::number, ArrayKeys.Page::size).build();
    return pagesCache.get(key, sharedKey, cached, () -> this.delegate.pages(pages));
  }

  /**
   * Invalidating {@link ArrayKeys#forget(long[])}: the delegate, then evict from {@code ArrayKeys.total}.
   */
  @Override
  public void forget(long[] ids) {
    this.delegate.forget(ids);
    totalCache.invalidate(
        Keys.local(Keys.array(ids)),
        totalCache.sharedKey().array(ids).build());
  }
}
