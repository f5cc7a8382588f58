package dev.cachegen.spring.boot;

import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.runtime.internal.CacheDefinition;
import java.util.Collection;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;

/**
 * cachegen's caches as a Spring {@link CacheManager}, so that Boot's {@code /actuator/caches} lists
 * them next to the application's own cache managers and clears them. The starter registers it as a
 * bean that is not a default candidate: it is never injected by type, and Boot's cache
 * auto-configuration and {@code @Cacheable} keep using the application's own manager.
 *
 * <p>A view, not a second way in: the caches are read and written by their generated decorators,
 * which build each key from typed parameters, so {@code get} and {@code put} are unsupported.
 * {@link Cache#clear()} drops every entry on every node, and {@link Cache#evict(Object)} one key,
 * given as {@link CacheRuntime#inspect} describes its text (such as {@code "[7]"}).
 */
final class CachegenCacheManager implements CacheManager {
  private final CacheRuntime runtime;

  CachegenCacheManager(CacheRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public @Nullable Cache getCache(String name) {
    return runtime.cacheDefinitions().stream()
        .filter(definition -> definition.name().equals(name))
        .findFirst()
        .map(definition -> new View(runtime, definition))
        .orElse(null);
  }

  @Override
  public Collection<String> getCacheNames() {
    return runtime.cacheDefinitions().stream().map(CacheDefinition::name).toList();
  }

  /** One cachegen cache as a Spring {@link Cache}: listed, cleared and evicted by key text. */
  private static final class View implements Cache {
    private final CacheRuntime runtime;
    private final CacheDefinition<?> definition;

    View(CacheRuntime runtime, CacheDefinition<?> definition) {
      this.runtime = runtime;
      this.definition = definition;
    }

    @Override
    public String getName() {
      return definition.name();
    }

    @Override
    public Object getNativeCache() {
      return runtime.cache(definition);
    }

    @Override
    public @Nullable ValueWrapper get(Object key) {
      throw unsupported("get");
    }

    @Override
    public <T> @Nullable T get(Object key, @Nullable Class<T> type) {
      throw unsupported("get");
    }

    @Override
    public <T> @Nullable T get(Object key, Callable<T> valueLoader) {
      throw unsupported("get");
    }

    @Override
    public void put(Object key, @Nullable Object value) {
      throw unsupported("put");
    }

    /** Evicts one key, given as its text, such as {@code "[7]"}, on every node. */
    @Override
    public void evict(Object key) {
      if (!(key instanceof String text)) {
        throw new IllegalArgumentException(
            "cache "
                + definition.name()
                + ": give the key as its text, such as \"[7]\", not a "
                + key.getClass().getName());
      }
      runtime.evict(definition.name(), text);
    }

    /** Drops every entry on every node. */
    @Override
    public void clear() {
      runtime.cache(definition).invalidateAll();
    }

    @Override
    public boolean invalidate() {
      clear();
      return true;
    }

    private UnsupportedOperationException unsupported(String operation) {
      return new UnsupportedOperationException(
          operation
              + " on cache "
              + definition.name()
              + ": cachegen caches are read and written by their generated decorators; this"
              + " view lists, clears and evicts them for /actuator/caches");
    }
  }
}
