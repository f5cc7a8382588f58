package dev.cachegen.runtime.shared;

/** The shared tier did not answer, answered with an error, or is skipped while it is down. */
public final class SharedTierException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a call failed; callers answer each differently. */
  public enum Reason {
    /** Down, slow, unreachable, garbage on the wire, or skipped while the breaker is open. */
    UNAVAILABLE,
    /** The key holds another type (a hash, a list...): the server is fine, the key is not ours. */
    WRONG_TYPE,
    /** The server refuses writes: out of memory under {@code noeviction}. Reads still work. */
    OUT_OF_MEMORY,
    /**
     * Every pooled connection is busy and none came free in time: back-pressure from this runtime's
     * own load, not a failure of Redis, so it never opens the circuit breaker.
     */
    BUSY
  }

  /** Thrown while the circuit breaker is open; shared, so skipping Redis costs no allocation. */
  public static final SharedTierException CIRCUIT_OPEN =
      new SharedTierException("shared tier skipped: circuit breaker open", null, false);

  private final Reason reason;

  public SharedTierException(String message, Throwable cause) {
    this(message, cause, true);
  }

  public SharedTierException(Reason reason, String message, Throwable cause) {
    super(message, cause, false, true);
    this.reason = reason;
  }

  private SharedTierException(String message, Throwable cause, boolean stackTrace) {
    super(message, cause, false, stackTrace);
    this.reason = Reason.UNAVAILABLE;
  }

  /** Why the call failed. */
  public Reason reason() {
    return reason;
  }

  boolean isCircuitOpen() {
    return this == CIRCUIT_OPEN;
  }
}
