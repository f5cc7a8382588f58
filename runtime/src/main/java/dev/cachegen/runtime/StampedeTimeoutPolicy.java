package dev.cachegen.runtime;

/**
 * What a caller does when it waited {@linkplain CacheRuntime.Builder#stampedeWait the whole bound}
 * for another JVM's load of the same key (with {@code StampedePolicy.LOCK}) and the value has not
 * arrived: the owner may be slow, or may have crashed with the lock.
 */
public enum StampedeTimeoutPolicy {
  /** Call the delegate anyway: the caller gets an answer, the delegate may see a second load. */
  LOAD,

  /**
   * Throw {@link StampedeTimeoutException}: the delegate is protected, the caller fails fast. A
   * stale value within a stale-if-error window is served instead, when there is one.
   */
  FAIL
}
