package dev.cachegen.runtime;

/**
 * Thrown to a caller that waited {@linkplain CacheRuntime.Builder#loadTimeout longer than the load
 * timeout} for a value being loaded by another caller of the same key (or, for methods that return
 * a future, by its own load). The load goes on, and its value is cached when the delegate returns.
 */
public final class LoadTimeoutException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String cacheName;

  public LoadTimeoutException(String cacheName, String sharedKey, long waitedMillis) {
    super(
        "cache "
            + cacheName
            + ": waited "
            + waitedMillis
            + " ms for the load of "
            + sharedKey
            + " and gave up (loadTimeout); the delegate is slow or hung");
    this.cacheName = cacheName;
  }

  /** The name of the cache whose load was waited for. */
  public String cacheName() {
    return cacheName;
  }
}
