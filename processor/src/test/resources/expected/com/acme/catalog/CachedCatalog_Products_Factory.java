package com.acme.catalog;

import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.runtime.internal.DecoratorFactory;
import javax.annotation.processing.Generated;

/**
 * Creates {@link CachedCatalog_Products}, the caching decorator of {@link Catalog.Products}; found by {@code dev.cachegen.runtime.Decorators} through {@code META-INF/services/dev.cachegen.runtime.internal.DecoratorFactory}.
 */
@Generated("dev.cachegen.processor.CachingProcessor")
public final class CachedCatalog_Products_Factory implements DecoratorFactory<Catalog.Products<?>, CacheRuntime> {
  /**
   * Called by {@code ServiceLoader}.
   */
  public CachedCatalog_Products_Factory() {
  }

  @Override
  @SuppressWarnings("unchecked")
  public Class<Catalog.Products<?>> type() {
    // Catalog.Products.class is a Class<Catalog.Products>; the factory decorates every Catalog.Products<?>
    return (Class<Catalog.Products<?>>) (Class<?>) Catalog.Products.class;
  }

  @Override
  public Catalog.Products<?> decorate(Catalog.Products<?> delegate, CacheRuntime runtime) {
    return new CachedCatalog_Products<>(delegate, runtime);
  }
}
