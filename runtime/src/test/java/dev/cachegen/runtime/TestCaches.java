package dev.cachegen.runtime;

import dev.cachegen.annotations.StampedePolicy;
import dev.cachegen.runtime.internal.AsyncLoader;
import dev.cachegen.runtime.internal.Cache;
import dev.cachegen.runtime.internal.CacheDefinition;
import dev.cachegen.runtime.internal.CacheEntry;
import dev.cachegen.runtime.internal.Keys;
import dev.cachegen.runtime.internal.Loader;
import dev.cachegen.runtime.tier.TieredCache;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Calls a {@link TieredCache} the way a generated decorator does, for runtime tests. */
public final class TestCaches {
  private TestCaches() {}

  public static CacheDefinition.Builder<String> strings(String name) {
    return CacheDefinition.<String>builder(name, String.class)
        .shape("1")
        .ttlNanos(TimeUnit.MINUTES.toNanos(5));
  }

  public static CacheDefinition<String> strings(String name, StampedePolicy stampede) {
    return strings(name).stampede(stampede).build();
  }

  /** The body of a generated {@code String find(String id)}. */
  public static String find(Cache<String> cache, String id, Loader<String> loader) {
    Object key = Keys.local(id);
    CacheEntry<String> cached = cache.getIfPresent(key);
    if (cached != null) {
      return cached.value();
    }
    String sharedKey = cache.sharedKey().value(id).build();
    return cache.get(key, sharedKey, cached, loader);
  }

  /** The body of a generated {@code CompletableFuture<String> findAsync(String id)}. */
  public static CompletableFuture<String> findAsync(
      Cache<String> cache, String id, AsyncLoader<String> loader) {
    Object key = Keys.local(id);
    CacheEntry<String> cached = cache.getIfPresent(key);
    if (cached != null) {
      return CompletableFuture.completedFuture(cached.value());
    }
    String sharedKey = cache.sharedKey().value(id).build();
    return cache.getAsync(key, sharedKey, cached, loader);
  }
}
