package dev.cachegen.runtime.testing;

import dev.cachegen.runtime.CacheRuntime;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition that another thread or process makes true, with a deadline instead of a
 * fixed sleep. Polls every millisecond without spinning, so the threads being waited for keep the
 * CPU (two cores here).
 */
public final class Await {
  private static final Duration DEFAULT = Duration.ofSeconds(15);
  private static final long POLL_NANOS = Duration.ofMillis(1).toNanos();

  private Await() {}

  /** Returns once {@code condition} holds; fails the test after 15 seconds. */
  public static void until(BooleanSupplier condition) {
    until(condition, DEFAULT);
  }

  /** Returns once {@code condition} holds; fails the test after {@code timeout}. */
  public static void until(BooleanSupplier condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("condition not met within " + timeout.toSeconds() + " s");
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
  }

  /**
   * Returns once {@code runtime} is subscribed to the invalidation events of its key prefix: from
   * then on it hears every other runtime's writes.
   */
  public static void subscribed(CacheRuntime runtime) {
    until(() -> runtime.stats().localTierResets() >= 1);
  }
}
