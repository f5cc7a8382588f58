package dev.cachegen.benchmarks;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The peer: Spring's {@code @Cacheable} over Caffeine, configured as its documentation shows, with
 * the same size bound and time to live as cachegen's L1. The bean is reached through the proxy that
 * {@code @EnableCaching} puts around it (a JDK proxy of {@link ItemService}).
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
public class SpringCachingConfig {

  /** Caffeine caches named on demand, as Spring Boot would configure them. */
  @Bean
  public CacheManager cacheManager() {
    CaffeineCacheManager manager = new CaffeineCacheManager();
    manager.setCaffeine(
        Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofHours(1)));
    return manager;
  }

  /** The service, cached by Spring. */
  @Bean
  public ItemService itemService() {
    return new SpringItemService();
  }

  /** The delegate with Spring's annotations on it. */
  public static class SpringItemService extends CatalogItemService {
    @Override
    @Cacheable("items")
    public Item find(long id) {
      return super.find(id);
    }

    @Override
    @Cacheable("tenantItems")
    public Item find(String tenant, long id) {
      return super.find(tenant, id);
    }
  }
}
