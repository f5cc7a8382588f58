package dev.cachegen.runtime.tier;

import dev.cachegen.runtime.StampedeTimeoutException;
import dev.cachegen.runtime.StampedeTimeoutPolicy;
import dev.cachegen.runtime.internal.AsyncLoader;
import dev.cachegen.runtime.internal.CacheEntry;
import dev.cachegen.runtime.internal.Loader;
import dev.cachegen.runtime.internal.Sneaky;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Answers a key that missed the in-process tier: plans the answer (the shared tier, another JVM's
 * load, or a load of this caller's), calls the delegate, and stores what it returned in both tiers.
 * The synchronous and the asynchronous load share each decision: {@link #plan}, {@link #served},
 * {@link #timedOut}, {@link #failed} and {@link #loaded}; they differ only in where the work runs
 * (the caller's thread, or the executor for Redis work around an asynchronous load).
 */
final class TierLoader<V> {
  private static final long[] NO_VERSIONS = new long[0];

  private final CacheContext<V> context;
  private final LocalTier<V> local;
  private final Generation generation;
  private final FreshnessPolicy freshness;
  private final SharedEntries<V> entries;
  private final StampedeLock<V> lock;
  private final BackgroundRefresh<V> refresh;
  private final boolean lockAcrossJvms;

  TierLoader(
      CacheContext<V> context,
      LocalTier<V> local,
      Generation generation,
      FreshnessPolicy freshness,
      SharedEntries<V> entries,
      StampedeLock<V> lock,
      BackgroundRefresh<V> refresh,
      boolean lockAcrossJvms) {
    this.context = context;
    this.local = local;
    this.generation = generation;
    this.freshness = freshness;
    this.entries = entries;
    this.lock = lock;
    this.refresh = refresh;
    this.lockAcrossJvms = lockAcrossJvms;
  }

  /** Loads in the caller's thread; whatever the delegate throws reaches the caller unchanged. */
  CacheEntry<V> load(
      Object localKey, String sharedKey, String[] tags, Loader<V> loader, CacheEntry<V> fallback)
      throws Throwable {
    long sequence = local.sequence();
    LoadPlan<V> plan = plan(sharedKey, tags, fallback);
    if (plan.served() != null) {
      return served(
          sequence, localKey, sharedKey, tags, plan, BackgroundRefresh.onExecutor(loader));
    }
    if (plan.timedOut() && context.stampede().timeoutPolicy == StampedeTimeoutPolicy.FAIL) {
      return timedOut(plan, sharedKey);
    }
    long start = context.nanoTime().getAsLong();
    V value;
    try {
      value = loader.load();
    } catch (Throwable failure) {
      lock.release(plan, sharedKey);
      return failed(plan, failure, start);
    }
    CacheEntry<V> entry = loaded(value, start, sequence, localKey, sharedKey, tags, plan);
    afterLoad(entry, plan.replace(), sharedKey, plan).run();
    return entry;
  }

  /**
   * Loads with the delegate's future. Reading Redis and waiting for another JVM's load happen on
   * the executor, never in the caller's thread; so does the Redis work after the load.
   */
  CompletableFuture<CacheEntry<V>> loadAsync(
      Object localKey,
      String sharedKey,
      String[] tags,
      AsyncLoader<V> loader,
      CacheEntry<V> fallback) {
    long sequence = local.sequence();
    CompletableFuture<LoadPlan<V>> planned =
        context.hasSharedTier()
            ? CompletableFuture.supplyAsync(
                () -> plan(sharedKey, tags, fallback), context.executor())
            : CompletableFuture.completedFuture(plan(sharedKey, tags, fallback));
    return planned.thenCompose(
        plan -> {
          try {
            if (plan.served() != null) {
              return CompletableFuture.completedFuture(
                  served(sequence, localKey, sharedKey, tags, plan, loader));
            }
            if (plan.timedOut() && context.stampede().timeoutPolicy == StampedeTimeoutPolicy.FAIL) {
              return CompletableFuture.completedFuture(timedOut(plan, sharedKey));
            }
          } catch (Throwable failure) {
            return CompletableFuture.failedFuture(failure);
          }
          long start = context.nanoTime().getAsLong();
          CompletionStage<V> stage;
          try {
            stage = started(loader);
          } catch (Throwable failure) {
            onExecutor(() -> lock.release(plan, sharedKey));
            return failedFuture(plan, failure, start);
          }
          return stage
              .toCompletableFuture()
              .handle(
                  (value, failure) -> {
                    if (failure != null) {
                      onExecutor(() -> lock.release(plan, sharedKey));
                      try {
                        return failed(plan, Sneaky.unwrap(failure), start);
                      } catch (Throwable cause) {
                        throw new CompletionException(cause);
                      }
                    }
                    CacheEntry<V> entry =
                        loaded(value, start, sequence, localKey, sharedKey, tags, plan);
                    onExecutor(afterLoad(entry, plan.replace(), sharedKey, plan));
                    return entry;
                  });
        });
  }

  /**
   * Decides how a miss is answered: by the shared tier, by another JVM's load (waited for under the
   * stampede lock), or by a load of this caller's, holding the lock when there is one.
   */
  LoadPlan<V> plan(String sharedKey, String[] tags, CacheEntry<V> fallback) {
    long loadGeneration = generation.forLoad();
    long[] versions = versions(tags);
    SharedRead<V> read = entries.read(sharedKey, loadGeneration, true);
    boolean replace = read.replace();
    if (read.entry() != null) {
      long now = context.clock().millis();
      // Without stale windows Redis drops entries at expiry by itself: whatever it has is fresh.
      Freshness state = freshness.checked() ? freshness.of(read.entry(), now) : Freshness.FRESH;
      switch (state) {
        case FRESH:
          return LoadPlan.serve(read.entry(), freshness.earlyRefreshDue(read.entry(), now));
        case REVALIDATE:
          context.counters().staleServed.increment();
          return LoadPlan.serve(read.entry(), true);
        case IF_ERROR:
          if (fallback == null || read.entry().expiresAtMillis() > fallback.expiresAtMillis()) {
            fallback = read.entry();
          }
          replace = true; // the stale entry is still in Redis: only an overwrite replaces it
          break;
        default:
          replace = true;
      }
    }
    if (!lockAcrossJvms || read.failed()) {
      return LoadPlan.load(loadGeneration, versions, replace, fallback, null);
    }
    return lock.acquireOrWait(
        sharedKey, generation::forLoad, versions, replace, fallback, null, true);
  }

  /** The versions of {@code tags} before a load, read from Redis where unknown. */
  long[] versions(String[] tags) {
    return tags.length == 0 ? NO_VERSIONS : context.coherence().currentVersions(tags);
  }

  /** An entry found without a load: kept locally, refreshed in the background when due. */
  private CacheEntry<V> served(
      long sequence,
      Object localKey,
      String sharedKey,
      String[] tags,
      LoadPlan<V> plan,
      AsyncLoader<V> loader) {
    local.putIfUnchanged(sequence, localKey, plan.served());
    if (plan.refresh()) {
      refresh.later(localKey, sharedKey, tags, plan.served(), loader);
    }
    return plan.served();
  }

  /** The answer of a caller whose wait ran out under {@link StampedeTimeoutPolicy#FAIL}. */
  private CacheEntry<V> timedOut(LoadPlan<V> plan, String sharedKey) {
    if (plan.fallback() != null) {
      context.counters().staleOnError.increment();
      return plan.fallback();
    }
    throw new StampedeTimeoutException(
        context.name(), sharedKey, TimeUnit.NANOSECONDS.toMillis(context.stampede().waitNanos));
  }

  /** A failed load: the stale fallback where the cache allows one, else the failure itself. */
  private CacheEntry<V> failed(LoadPlan<V> plan, Throwable failure, long start) throws Throwable {
    context.counters().loadFailures.increment();
    context.counters().loadNanos.add(context.nanoTime().getAsLong() - start);
    if (plan.fallback() != null && failure instanceof Exception) {
      context.counters().staleOnError.increment();
      return plan.fallback();
    }
    throw failure;
  }

  private CompletableFuture<CacheEntry<V>> failedFuture(
      LoadPlan<V> plan, Throwable failure, long start) {
    try {
      return CompletableFuture.completedFuture(failed(plan, failure, start));
    } catch (Throwable cause) {
      return CompletableFuture.failedFuture(cause);
    }
  }

  /** The entry of a loaded value, stored locally unless it must not be cached or was overtaken. */
  private CacheEntry<V> loaded(
      V value,
      long start,
      long sequence,
      Object localKey,
      String sharedKey,
      String[] tags,
      LoadPlan<V> plan) {
    long loadNanos = context.nanoTime().getAsLong() - start;
    context.counters().loads.increment();
    context.counters().loadNanos.add(loadNanos);
    CacheEntry<V> entry = entry(value, loadNanos, plan, tags, sharedKey);
    if (cacheable(entry)) {
      local.putIfUnchanged(sequence, localKey, entry);
    }
    return entry;
  }

  /** The entry of a value loaded now under {@code plan}. */
  CacheEntry<V> entry(V value, long loadNanos, LoadPlan<V> plan, String[] tags, String sharedKey) {
    return freshness.entry(
        value,
        context.clock().millis(),
        loadNanos,
        plan.generation(),
        tags,
        plan.versions(),
        sharedKey);
  }

  /**
   * The Redis work after a load: store the entry, overwriting what the key holds only with {@code
   * replace} (else a write that raced with the load keeps its newer value), and release the lock,
   * in one round trip.
   */
  Runnable afterLoad(CacheEntry<V> entry, boolean replace, String sharedKey, LoadPlan<V> plan) {
    return () -> lock.storeAndRelease(plan, sharedKey, cacheable(entry) ? entry : null, replace);
  }

  /**
   * Whether a loaded entry is stored: {@code CacheDefinition.stores} (nulls, {@code unless}), and
   * not already expired when loaded (a {@code ttlFrom} in the past ends it at its load).
   */
  boolean cacheable(CacheEntry<V> entry) {
    return context.definition().stores(entry.value())
        && entry.expiresAtMillis() > entry.storedAtMillis();
  }

  /** Calls an asynchronous delegate; a {@code null} future is the delegate's mistake. */
  CompletionStage<V> started(AsyncLoader<V> loader) throws Throwable {
    CompletionStage<V> stage = loader.load();
    if (stage == null) {
      throw new NullPointerException(
          "the delegate of cache " + context.name() + " returned a null future");
    }
    return stage;
  }

  /** Runs Redis work that follows an asynchronous load on the executor, not the caller. */
  void onExecutor(Runnable work) {
    if (!context.hasSharedTier()) {
      work.run();
      return;
    }
    try {
      context.executor().execute(work);
    } catch (RejectedExecutionException e) {
      work.run();
    }
  }
}
