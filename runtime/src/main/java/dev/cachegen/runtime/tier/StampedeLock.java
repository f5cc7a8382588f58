package dev.cachegen.runtime.tier;

import dev.cachegen.runtime.LoadInterruptedException;
import dev.cachegen.runtime.internal.CacheEntry;
import dev.cachegen.runtime.shared.SharedTierException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One load per key across JVMs: the caller that leads this JVM's load of a key takes a lock in
 * Redis ({@code SET NX PX} with a random token, released by compare-and-delete) and loads; callers
 * in other JVMs wait until the owner announces the value (a {@code LOCK_RELEASED} event) or their
 * polling finds it, for at most {@code stampedeWait}. A crashed owner's lock ends with its lease.
 * When Redis fails, callers load (fail open).
 */
final class StampedeLock<V> {
  /** First and longest pause between two looks at Redis while another JVM loads. */
  private static final long FIRST_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

  private static final long LONGEST_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  /** A lock this runtime holds. */
  record Held(String key, String token) {}

  private final CacheContext<V> context;
  private final SharedEntries<V> entries;
  private final FreshnessPolicy freshness;

  /** Shared keys this JVM waits for another JVM to load; released when it announces the value. */
  private final Map<String, Semaphore> waiters = new ConcurrentHashMap<>();

  /** Lock tokens: unique per attempt, so that only the owner's compare-and-delete matches. */
  private final String tokenPrefix = UUID.randomUUID() + ":";

  private final AtomicLong tokens = new AtomicLong();

  StampedeLock(CacheContext<V> context, SharedEntries<V> entries, FreshnessPolicy freshness) {
    this.context = context;
    this.entries = entries;
    this.freshness = freshness;
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
      long generation,
      long[] versions,
      boolean replace,
      CacheEntry<V> fallback,
      CacheEntry<V> replacing,
      boolean wait) {
    String lockKey = lockKey(sharedKey);
    CacheCounters counters = context.counters();
    StampedeSettings settings = context.stampede();
    // Registered before the first attempt, so that a release right after it still wakes us.
    Semaphore wakeUp = waiters.computeIfAbsent(sharedKey, key -> new Semaphore(0));
    try {
      long deadline = System.nanoTime() + settings.waitNanos;
      long pauseNanos = FIRST_POLL_NANOS;
      boolean waited = false;
      while (true) {
        String token = tokenPrefix + tokens.incrementAndGet();
        boolean acquired;
        try {
          acquired = context.shared().tryLock(lockKey, token, settings.leaseMillis);
        } catch (SharedTierException e) {
          counters.sharedErrors.increment();
          return LoadPlan.load(generation, versions, replace, fallback, null);
        }
        if (acquired) {
          counters.lockAcquisitions.increment();
          // The previous owner may have stored its value between our read and our lock.
          SharedRead<V> again = entries.read(sharedKey, generation, false);
          if (answers(again.entry(), replacing)) {
            unlockQuietly(lockKey, token);
            return LoadPlan.serve(again.entry(), false);
          }
          boolean overwrite = replace || again.replace() || again.entry() != null;
          return LoadPlan.load(generation, versions, overwrite, fallback, new Held(lockKey, token));
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
        SharedRead<V> read = entries.read(sharedKey, generation, false);
        if (read.failed()) {
          return LoadPlan.load(generation, versions, replace, fallback, null);
        }
        if (answers(read.entry(), replacing)) {
          return LoadPlan.serve(read.entry(), false);
        }
        // No value yet: the owner is still loading, failed, or crashed. Try the lock again; a
        // crashed owner's lease has ended by itself when it succeeds.
      }
    } finally {
      waiters.remove(sharedKey, wakeUp);
    }
  }

  /** Releases the plan's lock, if it holds one, and tells every waiting JVM to look again. */
  void release(LoadPlan<V> plan, String sharedKey) {
    Held lock = plan.lock();
    if (lock == null) {
      return;
    }
    unlockQuietly(lock.key(), lock.token());
    releasedElsewhere(sharedKey);
    context.coherence().lockReleased(context.name(), sharedKey);
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

  private void unlockQuietly(String lockKey, String token) {
    try {
      context.shared().unlock(lockKey, token);
    } catch (SharedTierException e) {
      context.counters().sharedErrors.increment(); // the lease ends by itself
    }
  }
}
