package dev.cachegen.runtime.tier;

import dev.cachegen.runtime.StampedeTimeoutPolicy;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/** The runtime-wide stampede settings every cache takes from {@link CacheRuntime.Builder}. */
public final class StampedeSettings {
  final long leaseMillis;
  final long waitNanos;
  final StampedeTimeoutPolicy timeoutPolicy;

  /** Early refresh's random number, in (0, 1]; fixed in tests. */
  final DoubleSupplier random;

  public StampedeSettings(
      Duration lease, Duration wait, StampedeTimeoutPolicy timeoutPolicy, DoubleSupplier random) {
    this.leaseMillis = lease.toMillis();
    this.waitNanos = wait.toNanos();
    this.timeoutPolicy = timeoutPolicy;
    this.random = random;
  }
}
