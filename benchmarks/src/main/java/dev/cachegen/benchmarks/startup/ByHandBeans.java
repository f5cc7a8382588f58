package dev.cachegen.benchmarks.startup;

import dev.cachegen.benchmarks.CachedItemService;
import dev.cachegen.benchmarks.ItemService;
import dev.cachegen.runtime.CacheRuntime;
import org.springframework.context.annotation.Bean;

/** {@link StarterApp}'s runtime and decorator as {@code @Bean} methods, without the starter. */
class ByHandBeans {
  @Bean(destroyMethod = "close")
  CacheRuntime cacheRuntime() {
    return CacheRuntime.inMemory();
  }

  @Bean
  ItemService itemService(StarterApp.Delegate delegate, CacheRuntime runtime) {
    return new CachedItemService(delegate.catalog, runtime);
  }
}
