package com.acme;

import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.runtime.internal.DecoratorFactory;
import javax.annotation.processing.Generated;

/**
 * Creates {@link CachedItemService}, the caching decorator of {@link ItemService}; found by {@code dev.cachegen.runtime.Decorators} through {@code META-INF/services/dev.cachegen.runtime.internal.DecoratorFactory}.
 */
@Generated("dev.cachegen.processor.CachingProcessor")
public final class CachedItemService_Factory implements DecoratorFactory<ItemService, CacheRuntime> {
  /**
   * Called by {@code ServiceLoader}.
   */
  public CachedItemService_Factory() {
  }

  @Override
  public Class<ItemService> type() {
    return ItemService.class;
  }

  @Override
  public ItemService decorate(ItemService delegate, CacheRuntime runtime) {
    return new CachedItemService(delegate, runtime);
  }
}
