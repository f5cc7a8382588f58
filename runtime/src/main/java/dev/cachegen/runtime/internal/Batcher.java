package dev.cachegen.runtime.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Collects single-key loads that arrive within a short window into one call of a bulk loader: the
 * DataLoader pattern against N+1 queries. A generated single-key method whose cache misses calls
 * {@link #load}; the first key of a batch starts the window, and when it closes (or the batch is
 * full) one {@code loadAll} call answers every key that arrived meanwhile.
 *
 * <pre>{@code
 * Batcher<Long, Owner> owners = Batcher.of("owners", Duration.ofMillis(2), 100, ids -> repository.owners(ids));
 * Owner owner = owners.load(42L); // waits at most the window, shares one query with its neighbours
 * }</pre>
 *
 * <p>Keys the bulk loader does not return load as {@code null}; a bulk loader that throws fails
 * every caller of its batch with the same exception.
 *
 * @param <K> the key
 * @param <V> the value
 */
public final class Batcher<K, V> implements AutoCloseable {
  private final String name;
  private final long windowNanos;
  private final int maxBatch;
  private final BulkLoader<K, V> loader;
  private final ScheduledExecutorService scheduler;
  private final LongAdder batches = new LongAdder();
  private final LongAdder keys = new LongAdder();
  private Batch<K, V> pending = new Batch<>();

  /** The keys of one window; flushed once, by the timer or by filling up, whichever is first. */
  private static final class Batch<K, V> {
    final Map<K, CompletableFuture<V>> futures = new LinkedHashMap<>();
    final java.util.concurrent.atomic.AtomicBoolean flushed =
        new java.util.concurrent.atomic.AtomicBoolean();
  }

  private Batcher(String name, Duration window, int maxBatch, BulkLoader<K, V> loader) {
    this.name = Objects.requireNonNull(name, "name");
    this.windowNanos = window.toNanos();
    this.maxBatch = maxBatch;
    this.loader = Objects.requireNonNull(loader, "loader");
    AtomicInteger threads = new AtomicInteger();
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread =
                  new Thread(task, "cachegen-batch-" + name + "-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * A batcher named {@code name} (for threads and errors) that waits {@code window} after the first
   * key of a batch, or until {@code maxBatch} keys, then calls {@code loader} once.
   */
  public static <K, V> Batcher<K, V> of(
      String name, Duration window, int maxBatch, BulkLoader<K, V> loader) {
    if (window.isNegative()) {
      throw new IllegalArgumentException("window(" + window + "): must not be negative");
    }
    if (maxBatch < 1) {
      throw new IllegalArgumentException("maxBatch(" + maxBatch + "): must be at least 1");
    }
    return new Batcher<>(name, window, maxBatch, loader);
  }

  /** The value of {@code key}, loaded in a batch with the keys that arrive within the window. */
  public V load(K key) {
    try {
      return loadAsync(key).join();
    } catch (CompletionException e) {
      throw Sneaky.rethrow(Sneaky.unwrap(e));
    }
  }

  /** The asynchronous form of {@link #load}. */
  public CompletableFuture<V> loadAsync(K key) {
    Batch<K, V> full = null;
    CompletableFuture<V> future;
    synchronized (this) {
      future = pending.futures.get(key);
      if (future == null) {
        future = new CompletableFuture<>();
        boolean first = pending.futures.isEmpty();
        pending.futures.put(key, future);
        if (pending.futures.size() >= maxBatch) {
          full = pending;
          pending = new Batch<>();
        } else if (first) {
          Batch<K, V> batch = pending;
          scheduler.schedule(() -> flush(batch), windowNanos, TimeUnit.NANOSECONDS);
        }
      }
    }
    if (full != null) {
      Batch<K, V> batch = full;
      scheduler.execute(() -> flush(batch));
    }
    return future;
  }

  /** Bulk loader calls so far. */
  public long batches() {
    return batches.sum();
  }

  /** Keys loaded through batches so far. */
  public long keys() {
    return keys.sum();
  }

  private void flush(Batch<K, V> batch) {
    synchronized (this) {
      if (pending == batch) {
        pending = new Batch<>();
      }
    }
    if (!batch.flushed.compareAndSet(false, true)) {
      return; // the timer of a batch that was flushed when it filled up
    }
    List<K> wanted = new ArrayList<>(batch.futures.keySet());
    batches.increment();
    keys.add(wanted.size());
    Map<K, V> found;
    try {
      found = loader.loadAll(wanted);
    } catch (Exception | Error e) {
      batch.futures.values().forEach(future -> future.completeExceptionally(e));
      return;
    }
    for (Map.Entry<K, CompletableFuture<V>> entry : batch.futures.entrySet()) {
      entry.getValue().complete(found == null ? null : found.get(entry.getKey()));
    }
  }

  @Override
  public void close() {
    scheduler.shutdown();
  }

  @Override
  public String toString() {
    return "Batcher[" + name + ", batches=" + batches() + ", keys=" + keys() + "]";
  }
}
