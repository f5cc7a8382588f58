package dev.cachegen.runtime.internal;

import java.util.concurrent.CompletionStage;

/**
 * Starts an asynchronous load on a cache miss, for methods that return {@code CompletableFuture} or
 * {@code CompletionStage}.
 *
 * @param <V> the cached value's type
 */
@FunctionalInterface
public interface AsyncLoader<V> {
  /** Starts the load; the returned stage completes with the value or with the failure. */
  CompletionStage<V> load() throws Throwable;
}
