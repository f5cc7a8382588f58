package dev.cachegen.runtime;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/** The runtime-wide stampede settings every cache takes from {@link CacheRuntime.Builder}. */
final class StampedeSettings {
  final long leaseMillis;
  final long waitNanos;
  final StampedeTimeoutPolicy timeoutPolicy;

  /** Early refresh's random number, in (0, 1]; fixed in tests. */
  final DoubleSupplier random;

  StampedeSettings(
      Duration lease, Duration wait, StampedeTimeoutPolicy timeoutPolicy, DoubleSupplier random) {
    this.leaseMillis = lease.toMillis();
    this.waitNanos = wait.toNanos();
    this.timeoutPolicy = timeoutPolicy;
    this.random = random;
  }
}
