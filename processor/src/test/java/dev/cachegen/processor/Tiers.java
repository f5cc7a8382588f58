package dev.cachegen.processor;

import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.testing.RedisExtension;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The runtimes behaviour tests run a decorator over: memory only, and a real Redis. */
final class Tiers {
  private Tiers() {}

  /**
   * Arguments {@code (name, runtimes)} for a {@code @MethodSource}: an in-memory runtime, and one
   * over {@code redis} with a key prefix of its own each time.
   */
  static Stream<Arguments> memoryAndRedis(RedisExtension redis) {
    Supplier<CacheRuntime> memory = CacheRuntime::inMemory;
    Supplier<CacheRuntime> shared =
        () -> CacheRuntime.builder().redis(redis.uri()).keyPrefix(redis.newPrefix()).build();
    return Stream.of(Arguments.of("memory", memory), Arguments.of("redis", shared));
  }
}
