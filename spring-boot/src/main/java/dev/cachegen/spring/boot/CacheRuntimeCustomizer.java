package dev.cachegen.spring.boot;

import dev.cachegen.runtime.CacheRuntime;

/**
 * Adds to the runtime's builder after the properties are applied: a codec, a clock, an executor.
 * Every bean of this type is called, in {@code @Order}.
 */
@FunctionalInterface
public interface CacheRuntimeCustomizer {
  /** Changes {@code builder} before the runtime is built. */
  void customize(CacheRuntime.Builder builder);
}
