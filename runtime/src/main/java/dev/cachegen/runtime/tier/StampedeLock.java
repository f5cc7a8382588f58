package dev.cachegen.runtime.tier;

import dev.cachegen.runtime.LoadInterruptedException;
import dev.cachegen.runtime.internal.CacheEntry;
import dev.cachegen.runtime.shared.LockKeys;
import dev.cachegen.runtime.shared.SharedTier;
import dev.cachegen.runtime.shared.SharedTierException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * One load per key across JVMs: the caller that leads this JVM's load of a key takes a lock in
 * Redis and loads; callers in other JVMs wait until the owner announces the value (a {@code
 * LOCK_RELEASED} event) or their polling finds it, for at most {@code stampedeWait}. A crashed
 * owner's lock ends with its lease. When Redis fails, callers load (fail open).
 *
 * <p>Round trips of a locked miss: the read that missed (by {@link TierLoader#plan}), then one
 * script that takes the lock and reads the entry again ({@link SharedTier#lockAndRead}), then,
 * after the load, one script that stores the value, releases the lock and wakes the waiters ({@link
 * SharedTier#storeAndUnlock}); it publishes only when a waiter marked the lock's wait key, which a
 * waiter does in the same script that finds the lock held, so no wake-up is lost. Each look of a
 * waiter is one round trip as well: it reads the entry and tries the lock together.
 */
final class StampedeLock<V> {
  /** First and longest pause between two looks at Redis while another JVM loads. */
  private static final long FIRST_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

  private static final long LONGEST_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  /** A lock this runtime holds. */
  record Held(LockKeys keys, String token) {}

  private final CacheContext<V> context;
  private final SharedEntries<V> entries;
  private final FreshnessPolicy freshness;

  /** Where and what the owner publishes when a waiter marked the lock (plus the entry key). */
  private final String channel;

  private final String wakeUp;

  /** Shared keys this JVM waits for another JVM to load; released when it announces the value. */
  private final Map<String, Semaphore> waiters = new ConcurrentHashMap<>();

  /** Lock tokens: unique per attempt, so that only the owner's compare-and-delete matches. */
  private final String tokenPrefix = UUID.randomUUID() + ":";

  private final AtomicLong tokens = new AtomicLong();

  StampedeLock(CacheContext<V> context, SharedEntries<V> entries, FreshnessPolicy freshness) {
    this.context = context;
    this.entries = entries;
    this.freshness = freshness;
    this.channel = context.coherence().channel();
    this.wakeUp = context.coherence().lockReleasedPrefix(context.name());
  }

  /** The Redis key of {@code sharedKey}'s lock. */
  String lockKey(String sharedKey) {
    return context.keys().lockKey(sharedKey);
  }

  /**
   * Takes the lock of {@code sharedKey}, or waits for its owner's value. Returns a plan to load
   * holding the lock; to serve the value another JVM stored (newer than {@code replacing}, when
   * refreshing it); to load without the lock (Redis failed: fail open); or, when the wait ran out,
   * a timed-out plan whose caller applies the timeout policy. Without {@code wait}, a lock held
   * elsewhere times out at once.
   */
  LoadPlan<V> acquireOrWait(
      String sharedKey,
      LongSupplier currentGeneration,
      long[] versions,
      boolean replace,
      CacheEntry<V> fallback,
      CacheEntry<V> replacing,
      boolean wait) {
    LockKeys keys = context.keys().lockKeys(sharedKey);
    CacheCounters counters = context.counters();
    StampedeSettings settings = context.stampede();
    // Registered before the first attempt, so that a release right after it still wakes us.
    Semaphore wakeUp = waiters.computeIfAbsent(sharedKey, key -> new Semaphore(0));
    try {
      long deadline = System.nanoTime() + settings.waitNanos;
      long pauseNanos = FIRST_POLL_NANOS;
      boolean waited = false;
      // Bytes known to be there that do not answer the call (stale, or the value being refreshed):
      // take the lock over them at once. Otherwise bytes found are looked at before locking.
      boolean whenPresent = replace || replacing != null;
      while (true) {
        // Read on every look, not once: entries stored after the cache's generation moved (another
        // runtime's invalidateAll, every runtime's after a failover) answer the newer one, and a
        // wait held to the older one would accept none of them until stampedeWait ran out.
        long generation = currentGeneration.getAsLong();
        if (!context.coherence().repaired()) {
          // This runtime owes Redis an invalidation: what Redis holds may be a value it replaced.
          return LoadPlan.load(generation, versions, replace, fallback, null);
        }
        String token = tokenPrefix + tokens.incrementAndGet();
        SharedTier.LockedRead attempt;
        try {
          attempt =
              context.shared().lockAndRead(keys, token, settings.leaseMillis, wait, whenPresent);
        } catch (SharedTierException e) {
          counters.sharedErrors.increment();
          return LoadPlan.load(generation, versions, replace, fallback, null);
        }
        SharedRead<V> read =
            attempt.wrongType()
                ? SharedRead.overwrite()
                : entries.decode(sharedKey, attempt.value(), generation, false);
        if (attempt.locked()) {
          counters.lockAcquisitions.increment();
          Held held = new Held(keys, token);
          // The previous owner may have stored its value between our read and our lock.
          if (answers(read.entry(), replacing)) {
            storeAndRelease(held, sharedKey, null, false);
            return LoadPlan.serve(read.entry(), false);
          }
          boolean overwrite = replace || read.replace() || read.entry() != null;
          return LoadPlan.load(generation, versions, overwrite, fallback, held);
        }
        if (answers(read.entry(), replacing)) {
          return LoadPlan.serve(read.entry(), false); // the owner has stored its value
        }
        if (!whenPresent && (read.entry() != null || read.replace())) {
          whenPresent = true; // bytes that do not answer: no lock was tried; try it over them
          continue;
        }
        long remaining = deadline - System.nanoTime();
        if (!wait || remaining <= 0) {
          return LoadPlan.timedOut(generation, versions, replace, fallback);
        }
        if (!waited) {
          counters.lockWaits.increment();
          waited = true;
        }
        try {
          wakeUp.tryAcquire(Math.min(pauseNanos, remaining), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
          // Stop waiting, keep the flag, and do not load: an extra load is what the lock prevents.
          Thread.currentThread().interrupt();
          throw new LoadInterruptedException(context.name(), sharedKey);
        }
        wakeUp.drainPermits();
        pauseNanos = Math.min(2 * pauseNanos, LONGEST_POLL_NANOS);
        // Look again: the owner stored its value, failed, or crashed (its lease has ended by
        // itself when the lock is free again).
      }
    } finally {
      waiters.remove(sharedKey, wakeUp);
    }
  }

  /** Releases the plan's lock, if it holds one, and wakes every waiting JVM. */
  void release(LoadPlan<V> plan, String sharedKey) {
    storeAndRelease(plan, sharedKey, null, false);
  }

  /**
   * Stores {@code entry} (unless {@code null}; overwriting what the key holds only with {@code
   * replace}) and releases the plan's lock, in one round trip when it holds one.
   */
  void storeAndRelease(LoadPlan<V> plan, String sharedKey, CacheEntry<V> entry, boolean replace) {
    if (plan.lock() != null) {
      storeAndRelease(plan.lock(), sharedKey, entry, replace);
    } else if (entry != null) {
      entries.write(entry, replace);
    }
  }

  private void storeAndRelease(Held lock, String sharedKey, CacheEntry<V> entry, boolean replace) {
    SharedEntries.Stored stored = entry == null ? null : entries.stored(entry);
    try {
      context
          .shared()
          .storeAndUnlock(
              lock.keys(),
              lock.token(),
              stored == null ? null : stored.bytes(),
              stored == null ? 0 : stored.ttlMillis(),
              !replace,
              channel,
              wakeUp);
    } catch (SharedTierException e) {
      context.counters().sharedErrors.increment(); // the lease ends by itself
    } finally {
      releasedElsewhere(sharedKey);
    }
  }

  /** The lock of {@code sharedKey} was released (here or by another runtime): wake its waiters. */
  void releasedElsewhere(String sharedKey) {
    Semaphore waiter = waiters.get(sharedKey);
    if (waiter != null) {
      waiter.release();
    }
  }

  /** Whether an entry read while waiting answers the call: fresh, and newer than the old one. */
  private boolean answers(CacheEntry<V> entry, CacheEntry<V> replacing) {
    if (entry == null) {
      return false;
    }
    if (freshness.checked() && context.clock().millis() >= entry.expiresAtMillis()) {
      return false;
    }
    return replacing == null || entry.expiresAtMillis() > replacing.expiresAtMillis();
  }
}
