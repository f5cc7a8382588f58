package dev.cachegen.runtime.internal;

/**
 * Loads a value on a cache miss. Generated decorators pass a lambda that calls the delegate, so
 * whatever the delegate throws, checked or not, reaches the caller unchanged.
 *
 * @param <V> the cached value's type
 */
@FunctionalInterface
public interface Loader<V> {
  /** Returns the value for the key being loaded; may return {@code null}. */
  V load() throws Throwable;
}
