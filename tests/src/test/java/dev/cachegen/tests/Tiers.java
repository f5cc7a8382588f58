package dev.cachegen.tests;

import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.runtime.testing.RedisServer;
import java.util.UUID;

/** The tier combinations every end-to-end spec runs over. */
enum Tiers {
  /** Caffeine only: {@code CacheRuntime.inMemory()}. */
  MEMORY,
  /** Caffeine in front of Redis. */
  MEMORY_AND_REDIS,
  /** Redis with an in-process tier of size zero, so reads go to Redis. */
  REDIS;

  /** A runtime of this combination with a fresh key prefix, so tests never share entries. */
  CacheRuntime runtime(RedisServer redis) {
    return runtime(redis, "e2e-" + UUID.randomUUID().toString().substring(0, 8));
  }

  CacheRuntime runtime(RedisServer redis, String prefix) {
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
