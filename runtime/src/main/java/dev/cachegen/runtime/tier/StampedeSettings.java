package dev.cachegen.runtime.tier;

import dev.cachegen.runtime.StampedeTimeoutPolicy;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * The runtime-wide stampede and load-wait settings every cache takes from the runtime's builder.
 */
public final class StampedeSettings {
  final long leaseMillis;
  final long waitNanos;
  final StampedeTimeoutPolicy timeoutPolicy;

  /** How long a caller waits for a load it does not run itself; 0 for no limit. */
  final long loadTimeoutNanos;

  /** Early refresh's random number, in (0, 1]; fixed in tests. */
  final DoubleSupplier random;

  public StampedeSettings(
      Duration lease,
      Duration wait,
      StampedeTimeoutPolicy timeoutPolicy,
      Duration loadTimeout,
      DoubleSupplier random) {
    this.leaseMillis = lease.toMillis();
    this.waitNanos = wait.toNanos();
    this.timeoutPolicy = timeoutPolicy;
    this.loadTimeoutNanos = loadTimeout.toNanos();
    this.random = random;
  }
}
