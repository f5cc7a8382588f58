package dev.cachegen.runtime.internal;

/**
 * Builds the generated decorator of one interface. The processor writes one per public decorated
 * interface ({@code CachedItemService_Factory} for {@code ItemService}) and lists it in {@code
 * META-INF/services/dev.cachegen.runtime.internal.DecoratorFactory}, where {@code
 * dev.cachegen.runtime.Decorators} finds it with {@link java.util.ServiceLoader}: no reflection, so
 * the lookup works on the class path, on the module path and in a native image.
 *
 * <p>The runtime is a type parameter so that this contract names no class of the API package above
 * it; generated factories implement {@code DecoratorFactory<ItemService, CacheRuntime>}.
 *
 * @param <T> the decorated interface
 * @param <R> the runtime the decorator's constructor takes
 */
public interface DecoratorFactory<T, R> {
  /** The interface this factory decorates. */
  Class<T> type();

  /** A new decorator of {@code delegate} over {@code runtime}. */
  T decorate(T delegate, R runtime);
}
