package dev.cachegen.runtime.tier;

import dev.cachegen.runtime.LoadInterruptedException;
import dev.cachegen.runtime.LoadTimeoutException;
import dev.cachegen.runtime.internal.CacheEntry;
import dev.cachegen.runtime.internal.Sneaky;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How one cache's callers wait for a load: a load another caller started, or their own future,
 * bounded by the load timeout when there is one ({@code loadTimeout}; 0 waits as long as the load
 * takes).
 */
final class LoadWaits {
  private final String cacheName;
  private final long timeoutNanos;

  LoadWaits(String cacheName, long timeoutNanos) {
    this.cacheName = cacheName;
    this.timeoutNanos = timeoutNanos;
  }

  /**
   * Waits for another caller's load of the same key: interruptibly (an interrupt sets the flag
   * again and throws {@link LoadInterruptedException}), and at most the load timeout when there is
   * one. Whatever the load threw reaches this caller unchanged.
   */
  <V> CacheEntry<V> await(CompletableFuture<CacheEntry<V>> load, String sharedKey) {
    try {
      return timeoutNanos > 0 ? load.get(timeoutNanos, TimeUnit.NANOSECONDS) : load.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LoadInterruptedException(cacheName, sharedKey);
    } catch (TimeoutException e) {
      throw timedOut(sharedKey);
    } catch (ExecutionException e) {
      throw Sneaky.rethrow(Sneaky.unwrap(e));
    }
  }

  private LoadTimeoutException timedOut(String sharedKey) {
    return new LoadTimeoutException(
        cacheName, sharedKey, TimeUnit.NANOSECONDS.toMillis(timeoutNanos));
  }

  /** The future a caller gets: bounded by the load timeout when there is one. */
  <V> CompletableFuture<V> bounded(CompletableFuture<V> value, String sharedKey) {
    if (timeoutNanos <= 0) {
      return value;
    }
    return value
        .orTimeout(timeoutNanos, TimeUnit.NANOSECONDS)
        .exceptionallyCompose(
            failure ->
                Sneaky.unwrap(failure) instanceof TimeoutException
                    ? CompletableFuture.failedFuture(timedOut(sharedKey))
                    : CompletableFuture.failedFuture(Sneaky.unwrap(failure)));
  }

  /** A new future of the entry's value: callers cannot complete or cancel the shared one. */
  static <V> CompletableFuture<V> valueOf(CompletableFuture<CacheEntry<V>> load) {
    return load.handle(
        (entry, failure) -> {
          if (failure != null) {
            throw new CompletionException(Sneaky.unwrap(failure));
          }
          return entry.value();
        });
  }
}
