package dev.cachegen.runtime;

import dev.cachegen.annotations.StampedePolicy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Calls a {@link TieredCache} the way a generated decorator does, for runtime tests. */
final class TestCaches {
  private TestCaches() {}

  static CacheDefinition.Builder<String> strings(String name) {
    return CacheDefinition.<String>builder(name, String.class)
        .shape("1")
        .ttlNanos(TimeUnit.MINUTES.toNanos(5));
  }

  static CacheDefinition<String> strings(String name, StampedePolicy stampede) {
    return strings(name).stampede(stampede).build();
  }

  /** The body of a generated {@code String find(String id)}. */
  static String find(TieredCache<String> cache, String id, Loader<String> loader) {
    Object key = Keys.local(id);
    CacheEntry<String> cached = cache.getIfPresent(key);
    if (cached != null) {
      return cached.value();
    }
    String sharedKey = cache.sharedKey().value(id).build();
    return cache.get(key, sharedKey, loader);
  }

  /** The body of a generated {@code CompletableFuture<String> findAsync(String id)}. */
  static CompletableFuture<String> findAsync(
      TieredCache<String> cache, String id, AsyncLoader<String> loader) {
    Object key = Keys.local(id);
    CacheEntry<String> cached = cache.getIfPresent(key);
    if (cached != null) {
      return CompletableFuture.completedFuture(cached.value());
    }
    String sharedKey = cache.sharedKey().value(id).build();
    return cache.getAsync(key, sharedKey, loader);
  }
}
