package com.acme.catalog;

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
 * Caching decorator of {@link Catalog.Reader}, written by cachegen from the interface's annotations.
 * Calls of cached methods are answered from the caches when possible; all other calls go straight to the delegate.
 */
@Generated("dev.cachegen.processor.CachingProcessor")
public final class CachedCatalog_Reader<T> implements Catalog.Reader<T> {
  /**
   * Cache of {@link Catalog.Reader#labels(Catalog.Region)}; value shape {@code java.util.List<java.lang.String>}.
   */
  private static final CacheDefinition<List<String>> LABELS =
      CacheDefinition.<List<String>>builder("catalog.labels", Types.parameterized(List.class, String.class))
          .shape("2a3d2e71")
          .ttlNanos(30_000_000_000L) // 30s
          .localTtlNanos(30_000_000_000L) // 30s
          .build();

  private final Catalog.Reader<T> delegate;

  private final Cache<List<String>> labelsCache;

  /**
   * Decorates {@code delegate}, keeping cached values in the caches of {@code runtime}.
   */
  public CachedCatalog_Reader(Catalog.Reader<T> delegate, CacheRuntime runtime) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    Objects.requireNonNull(runtime, "runtime");
    this.labelsCache = runtime.cache(LABELS);
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
