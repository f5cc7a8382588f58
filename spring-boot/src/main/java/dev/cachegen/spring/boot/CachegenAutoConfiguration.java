package dev.cachegen.spring.boot;

import dev.cachegen.runtime.CacheRuntime;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * cachegen in a Spring Boot application: a {@link CacheRuntime} from {@code spring.data.redis.*}
 * and {@code cachegen.*} (in-memory when no Redis property is set), closed on shutdown after its
 * write-behind calls are applied; beans decorated by their generated decorators; the application's
 * {@code MeterRegistry} bound; Spring MVC controllers answering {@link HttpCached} values with HTTP
 * caching headers and {@code 304}s. {@code cachegen.enabled=false} turns all of it off.
 */
@AutoConfiguration(
    afterName =
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnBooleanProperty(name = "cachegen.enabled", matchIfMissing = true)
@EnableConfigurationProperties(CachegenProperties.class)
public class CachegenAutoConfiguration {
  private static final Logger log = LoggerFactory.getLogger(CachegenAutoConfiguration.class);

  /** Creates the configuration; Spring calls it. */
  public CachegenAutoConfiguration() {}

  /**
   * The runtime. An application that defines its own {@code CacheRuntime} bean keeps it; the
   * starter then only decorates beans.
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public CacheRuntime cachegenRuntime(
      CachegenProperties properties,
      Environment environment,
      ObjectProvider<CacheRuntimeCustomizer> customizers,
      ObjectProvider<SslBundles> sslBundles) {
    RedisConnectionProperties redis =
        Binder.get(environment)
            .bind("spring.data.redis", Bindable.of(RedisConnectionProperties.class))
            .orElseGet(RedisConnectionProperties::new);
    CacheRuntime.Builder builder =
        RuntimeFactory.builder(properties, redis, sslBundles.getIfAvailable());
    customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
    CacheRuntime runtime = builder.build();
    log.info("cachegen runtime: {}", RuntimeFactory.describe(redis));
    return runtime;
  }

  /** Wraps beans in their generated decorators. */
  @Bean
  static DecoratingPostProcessor cachegenDecoratingPostProcessor(
      ObjectProvider<CacheRuntime> runtime, ObjectProvider<CachegenProperties> properties) {
    return new DecoratingPostProcessor(runtime, properties);
  }

  /** Spring MVC controllers answer {@link HttpCached} values through the runtime's HTTP handler. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass(RequestMappingHandlerAdapter.class)
  static class WebMvc {
    @Bean
    static HttpCachedReturnValueHandler cachegenHttpCachedReturnValueHandler(
        ObjectProvider<RequestMappingHandlerAdapter> adapters) {
      return new HttpCachedReturnValueHandler(adapters);
    }
  }

  /** Binds the application's {@code MeterRegistry}, when Micrometer is on the class path. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(MeterRegistry.class)
  static class Metrics {
    @Bean
    @Order(0)
    CacheRuntimeCustomizer cachegenMeterRegistry(ObjectProvider<MeterRegistry> registry) {
      return builder -> registry.ifAvailable(builder::meterRegistry);
    }
  }
}
