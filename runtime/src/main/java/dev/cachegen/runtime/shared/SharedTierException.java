package dev.cachegen.runtime.shared;

/** The shared tier did not answer, answered with an error, or is skipped while it is down. */
public final class SharedTierException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Thrown while the circuit breaker is open; shared, so skipping Redis costs no allocation. */
  public static final SharedTierException CIRCUIT_OPEN =
      new SharedTierException("shared tier skipped: circuit breaker open", null, false);

  public SharedTierException(String message, Throwable cause) {
    this(message, cause, true);
  }

  private SharedTierException(String message, Throwable cause, boolean stackTrace) {
    super(message, cause, false, stackTrace);
  }

  boolean isCircuitOpen() {
    return this == CIRCUIT_OPEN;
  }
}
