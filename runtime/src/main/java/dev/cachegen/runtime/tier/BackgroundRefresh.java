package dev.cachegen.runtime.tier;

import dev.cachegen.runtime.internal.AsyncLoader;
import dev.cachegen.runtime.internal.CacheEntry;
import dev.cachegen.runtime.internal.Loader;
import dev.cachegen.runtime.internal.Sneaky;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads entries in the background while callers keep getting the current value: entries picked
 * for early refresh, and entries stale within the stale-while-revalidate window. One refresh per
 * key in this JVM; with the stampede lock, one across JVMs: when another JVM holds the lock, this
 * one holds off for a moment and picks up that JVM's value from Redis when its own entry ends or at
 * its next attempt. A refresh that overlaps an invalidation never stores its older value.
 */
final class BackgroundRefresh<V> {
  private static final Logger log = LoggerFactory.getLogger(BackgroundRefresh.class);

  /** The shortest pause before a JVM that found the refresh lock taken tries again. */
  private static final long HOLD_OFF_MILLIS = 20;

  private final CacheContext<V> context;
  private final LocalTier<V> local;
  private final Generation generation;
  private final StampedeLock<V> lock;
  private final boolean lockAcrossJvms;

  /** Set once the loader exists; the two need each other. */
  private TierLoader<V> loader;

  /** Keys with a refresh running (or holding off), one per key in this JVM. */
  private final Set<Object> refreshing = ConcurrentHashMap.newKeySet();

  BackgroundRefresh(
      CacheContext<V> context,
      LocalTier<V> local,
      Generation generation,
      StampedeLock<V> lock,
      boolean lockAcrossJvms) {
    this.context = context;
    this.local = local;
    this.generation = generation;
    this.lock = lock;
    this.lockAcrossJvms = lockAcrossJvms;
  }

  void loader(TierLoader<V> loader) {
    this.loader = loader;
  }

  /** A synchronous loader run on the executor's thread, for background refreshes. */
  static <V> AsyncLoader<V> onExecutor(Loader<V> loader) {
    return () -> CompletableFuture.completedFuture(loader.load());
  }

  /** Whether a refresh of {@code localKey} runs or holds off; for tests. */
  boolean running(Object localKey) {
    return refreshing.contains(localKey);
  }

  /** Reloads {@code present} in the background, unless a refresh of its key already runs. */
  void later(
      Object localKey,
      String sharedKey,
      String[] tags,
      CacheEntry<V> present,
      AsyncLoader<V> delegate) {
    if (!refreshing.add(localKey)) {
      return;
    }
    try {
      context
          .executor()
          .execute(
              () ->
                  refresh(localKey, sharedKey, tags, present, delegate)
                      .whenComplete(
                          (skipped, failure) -> {
                            if (Boolean.TRUE.equals(skipped)) {
                              holdOff(localKey, present);
                            } else {
                              refreshing.remove(localKey);
                            }
                          }));
    } catch (RejectedExecutionException e) {
      refreshing.remove(localKey);
    }
  }

  /** Keeps the key marked as refreshing for a while, so the next hits send no lock attempts. */
  private void holdOff(Object localKey, CacheEntry<V> present) {
    long millis =
        Math.min(
            context.stampede().leaseMillis,
            Math.max(HOLD_OFF_MILLIS, 2 * TimeUnit.NANOSECONDS.toMillis(present.loadNanos())));
    try {
      CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS, context.executor())
          .execute(() -> refreshing.remove(localKey));
    } catch (RejectedExecutionException e) {
      refreshing.remove(localKey);
    }
  }

  /** One reload; completes with {@code true} when another JVM held the lock. */
  private CompletableFuture<Boolean> refresh(
      Object localKey,
      String sharedKey,
      String[] tags,
      CacheEntry<V> present,
      AsyncLoader<V> delegate) {
    LoadPlan<V> plan = null;
    try {
      long sequence = local.sequence();
      long loadGeneration = generation.forLoad();
      long[] versions = loader.versions(tags);
      plan =
          lockAcrossJvms
              ? lock.acquireOrWait(
                  sharedKey, () -> loadGeneration, versions, true, null, present, false)
              : LoadPlan.load(loadGeneration, versions, true, null, null);
      if (plan.served() != null) {
        local.putIfUnchanged(sequence, localKey, plan.served()); // another JVM refreshed first
        return CompletableFuture.completedFuture(false);
      }
      if (plan.timedOut()) {
        return CompletableFuture.completedFuture(true);
      }
      long start = context.nanoTime().getAsLong();
      LoadPlan<V> held = plan;
      return loader
          .started(delegate)
          .toCompletableFuture()
          .handleAsync(
              (value, failure) -> {
                if (failure != null) {
                  context.counters().loadFailures.increment();
                  context.counters().loadNanos.add(context.nanoTime().getAsLong() - start);
                  log.debug(
                      "cache {}: background refresh of {} failed; the current value stays",
                      context.name(),
                      sharedKey,
                      Sneaky.unwrap(failure));
                  lock.release(held, sharedKey);
                  return false;
                }
                long loadNanos = context.nanoTime().getAsLong() - start;
                context.counters().loads.increment();
                context.counters().loadNanos.add(loadNanos);
                context.counters().earlyRefreshes.increment();
                CacheEntry<V> entry = loader.entry(value, loadNanos, held, tags, sharedKey);
                if (loader.cacheable(entry)) {
                  local.putIfUnchanged(sequence, localKey, entry);
                }
                // An invalidation during the reload wins: no local store, no overwrite.
                loader.afterLoad(entry, local.unchangedSince(sequence), sharedKey, held).run();
                return false;
              },
              context.executor());
    } catch (Throwable failure) {
      context.counters().loadFailures.increment();
      log.debug("cache {}: background refresh of {} failed", context.name(), sharedKey, failure);
      if (plan != null) {
        lock.release(plan, sharedKey);
      }
      return CompletableFuture.completedFuture(false);
    }
  }
}
