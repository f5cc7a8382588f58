package dev.cachegen.runtime.shared;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Stops paying a timeout per call while the shared tier is down. After {@code failureThreshold}
 * consecutive failures the breaker opens for {@code openNanos}: calls are refused at once. Then one
 * call is let through as a probe; its success closes the breaker, its failure opens it again.
 */
public final class CircuitBreaker {
  public enum State {
    CLOSED,
    OPEN,
    HALF_OPEN
  }

  /** Told when the breaker opens and closes, to log once per outage. */
  public interface Listener {
    void opened(Throwable cause);

    void closed();
  }

  private final int failureThreshold;
  private final long openNanos;
  private final LongSupplier nanoTime;
  private final Listener listener;

  private final AtomicInteger consecutiveFailures = new AtomicInteger();

  /** While open: when a probe may go. {@code Long.MIN_VALUE} while closed. */
  private final AtomicLong openUntil = new AtomicLong(Long.MIN_VALUE);

  /** Whether a probe is out; only one at a time. */
  private final AtomicInteger probing = new AtomicInteger();

  public CircuitBreaker(
      int failureThreshold, long openNanos, LongSupplier nanoTime, Listener listener) {
    this.failureThreshold = failureThreshold;
    this.openNanos = openNanos;
    this.nanoTime = nanoTime;
    this.listener = listener;
  }

  /**
   * Whether a call may go to the tier now. A {@code true} must be followed by a success or failure.
   */
  public boolean tryAcquire() {
    long until = openUntil.get();
    if (until == Long.MIN_VALUE) {
      return true;
    }
    if (nanoTime.getAsLong() - until < 0) {
      return false;
    }
    return probing.compareAndSet(0, 1);
  }

  public void onSuccess() {
    // Reads first: on a healthy tier a success writes no shared state, so that concurrent hits do
    // not contend on these fields.
    if (consecutiveFailures.get() != 0) {
      consecutiveFailures.set(0);
    }
    if (openUntil.get() != Long.MIN_VALUE
        && openUntil.getAndSet(Long.MIN_VALUE) != Long.MIN_VALUE) {
      probing.set(0);
      listener.closed();
    }
  }

  /**
   * Ends a call that said nothing about the tier's health (it never reached the tier): a probe it
   * held may go to the next call.
   */
  public void release() {
    if (openUntil.get() != Long.MIN_VALUE) {
      probing.set(0);
    }
  }

  public void onFailure(Throwable cause) {
    int failures = consecutiveFailures.incrementAndGet();
    long until = openUntil.get();
    if (until != Long.MIN_VALUE) {
      // A failed probe (or a call that started before the breaker opened): stay open, longer.
      openUntil.set(nanoTime.getAsLong() + openNanos);
      probing.set(0);
    } else if (failures >= failureThreshold
        && openUntil.compareAndSet(Long.MIN_VALUE, nanoTime.getAsLong() + openNanos)) {
      listener.opened(cause);
    }
  }

  public State state() {
    long until = openUntil.get();
    if (until == Long.MIN_VALUE) {
      return State.CLOSED;
    }
    return nanoTime.getAsLong() - until < 0 ? State.OPEN : State.HALF_OPEN;
  }
}
