package dev.cachegen.annotations;

/** What a cache does when many callers miss the same key at the same time. */
public enum StampedePolicy {
  /**
   * One caller per key loads from the delegate; the others wait for its value. Within a JVM this is
   * a single flight per key: concurrent misses of one key call the delegate once.
   */
  LOCK,

  /** Every caller that misses calls the delegate. For cheap loads, or loads that must not wait. */
  NONE
}
