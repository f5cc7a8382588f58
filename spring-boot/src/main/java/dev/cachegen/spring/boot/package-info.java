/**
 * cachegen's Spring Boot starter: auto-configuration of a {@code CacheRuntime} from {@code
 * spring.data.redis.*} and {@code cachegen.*}, decoration of beans by their generated decorators,
 * Micrometer, a health indicator and the {@code /actuator/cachegen} endpoint.
 */
package dev.cachegen.spring.boot;
