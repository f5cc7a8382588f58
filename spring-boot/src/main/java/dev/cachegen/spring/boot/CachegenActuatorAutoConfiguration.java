package dev.cachegen.spring.boot;

import dev.cachegen.runtime.CacheRuntime;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code cachegen} health indicator and the {@code /actuator/cachegen} endpoint, when Actuator
 * is on the class path. Expose the endpoint as any other: {@code
 * management.endpoints.web.exposure.include=health,cachegen}.
 */
@AutoConfiguration(after = CachegenAutoConfiguration.class)
@ConditionalOnBean(CacheRuntime.class)
public class CachegenActuatorAutoConfiguration {
  /** Creates the configuration; Spring calls it. */
  public CachegenActuatorAutoConfiguration() {}

  /** The health indicator, named {@code cachegen}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(HealthIndicator.class)
  @ConditionalOnEnabledHealthIndicator("cachegen")
  static class HealthConfiguration {
    @Bean
    @ConditionalOnMissingBean(name = "cachegenHealthIndicator")
    CachegenHealthIndicator cachegenHealthIndicator(
        CacheRuntime runtime, CachegenProperties properties) {
      return new CachegenHealthIndicator(runtime, properties.getHealth().isSharedTierRequired());
    }
  }

  /**
   * cachegen's caches in Boot's {@code /actuator/caches}: a cache manager that is not a default
   * candidate, so neither Boot's cache auto-configuration nor {@code @Cacheable} sees it.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.cache.actuate.endpoint.CachesEndpoint")
  static class CachesConfiguration {
    @Bean(defaultCandidate = false)
    @ConditionalOnMissingBean(name = "cachegenCacheManager")
    CachegenCacheManager cachegenCacheManager(CacheRuntime runtime) {
      return new CachegenCacheManager(runtime);
    }
  }

  /** The operations endpoint. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(Endpoint.class)
  @ConditionalOnAvailableEndpoint(CachegenEndpoint.class)
  static class EndpointConfiguration {
    @Bean
    @ConditionalOnMissingBean
    CachegenEndpoint cachegenEndpoint(CacheRuntime runtime) {
      return new CachegenEndpoint(runtime);
    }
  }
}
