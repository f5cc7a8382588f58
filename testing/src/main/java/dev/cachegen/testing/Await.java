package dev.cachegen.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits for something another thread or process makes true, with a deadline instead of a fixed
 * sleep: a test is as fast as the machine allows and still passes on a slow one.
 *
 * <pre>{@code
 * writeBehind.enqueue(call);
 * Await.until("the queued write reached the database", () -> database.contains(id));
 * }</pre>
 *
 * <p>The condition is checked at once, then again after a pause that grows from one millisecond to
 * ten; the waiting thread parks between checks instead of spinning, so the threads it waits for
 * keep the CPU. When the deadline passes the test fails with an {@link AssertionError} that names
 * what was awaited. An exception thrown by the condition ends the wait and reaches the test as it
 * is.
 */
public final class Await {
  /** How long {@link #until(String, BooleanSupplier)} waits: long enough for a loaded CI host. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

  private static final long FIRST_PAUSE_NANOS = Duration.ofMillis(1).toNanos();
  private static final long LONGEST_PAUSE_NANOS = Duration.ofMillis(10).toNanos();

  private Await() {}

  /** Returns once {@code condition} holds; fails after {@link #DEFAULT_TIMEOUT}. */
  public static void until(BooleanSupplier condition) {
    until("a condition", condition, DEFAULT_TIMEOUT);
  }

  /** Returns once {@code condition} holds; fails after {@code timeout}. */
  public static void until(BooleanSupplier condition, Duration timeout) {
    until("a condition", condition, timeout);
  }

  /**
   * Returns once {@code condition} holds; fails after {@link #DEFAULT_TIMEOUT} with a message that
   * names {@code what}, such as {@code "the second runtime received 2 events"}.
   */
  public static void until(String what, BooleanSupplier condition) {
    until(what, condition, DEFAULT_TIMEOUT);
  }

  /**
   * Returns once {@code condition} holds; fails after {@code timeout} with {@code "Timed out after
   * <timeout> waiting for <what>"}.
   *
   * @throws AssertionError when the deadline passes, or when the waiting thread is interrupted
   */
  public static void until(String what, BooleanSupplier condition, Duration timeout) {
    if (!holds(condition, timeout)) {
      if (Thread.currentThread().isInterrupted()) {
        throw new AssertionError("Interrupted while waiting for " + what);
      }
      throw new AssertionError("Timed out after " + describe(timeout) + " waiting for " + what);
    }
  }

  /**
   * Whether {@code condition} holds within {@code timeout}; false as well when the thread is
   * interrupted, whose flag stays set. For launchers that fail with messages of their own.
   */
  static boolean holds(BooleanSupplier condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long pause = FIRST_PAUSE_NANOS;
    while (!condition.getAsBoolean()) {
      long left = deadline - System.nanoTime();
      if (left <= 0 || Thread.currentThread().isInterrupted()) {
        return false;
      }
      LockSupport.parkNanos(Math.min(pause, left));
      pause = Math.min(2 * pause, LONGEST_PAUSE_NANOS);
    }
    return true;
  }

  private static String describe(Duration timeout) {
    return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
  }
}
