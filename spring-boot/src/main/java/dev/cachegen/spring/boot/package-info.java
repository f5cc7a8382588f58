/**
 * cachegen's Spring Boot starter: auto-configuration of a {@code CacheRuntime} from {@code
 * spring.data.redis.*} and {@code cachegen.*}, decoration of beans by their generated decorators,
 * Micrometer, a health indicator, the {@code /actuator/cachegen} endpoint, cachegen's caches in
 * {@code /actuator/caches}, and {@link dev.cachegen.spring.boot.HttpCached} answers of Spring MVC
 * controllers.
 */
package dev.cachegen.spring.boot;
