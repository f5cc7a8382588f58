package dev.cachegen.tests;

import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.testing.RedisExtension;

/** The tier combinations every end-to-end spec runs over. */
enum Tiers {
  /** Caffeine only: {@code CacheRuntime.inMemory()}. */
  MEMORY,
  /** Caffeine in front of Redis. */
  MEMORY_AND_REDIS,
  /** Redis with an in-process tier of size zero, so reads go to Redis. */
  REDIS;

  /** A runtime of this combination with the test's key prefix, so tests never share entries. */
  CacheRuntime runtime(RedisExtension redis) {
    return runtime(redis, redis.keyPrefix());
  }

  /** A runtime of this combination; two with the same prefix share entries, as two JVMs do. */
  CacheRuntime runtime(RedisExtension redis, String prefix) {
    switch (this) {
      case MEMORY:
        return CacheRuntime.inMemory();
      case MEMORY_AND_REDIS:
        return CacheRuntime.builder().redis(redis.uri()).keyPrefix(prefix).build();
      case REDIS:
        return CacheRuntime.builder()
            .redis(redis.uri())
            .keyPrefix(prefix)
            .localMaximumSize(0)
            .build();
      default:
        throw new AssertionError(this);
    }
  }
}
