package dev.cachegen.runtime;

/**
 * Thrown to a caller that waited the whole {@linkplain CacheRuntime.Builder#stampedeWait stampede
 * wait} for another JVM's load of the same key, under {@link StampedeTimeoutPolicy#FAIL}. The
 * delegate was not called.
 */
public final class StampedeTimeoutException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String cacheName;

  public StampedeTimeoutException(String cacheName, String sharedKey, long waitedMillis) {
    super(
        "cache "
            + cacheName
            + ": waited "
            + waitedMillis
            + " ms for another JVM to load "
            + sharedKey
            + " and gave up (stampedeTimeoutPolicy FAIL); raise stampedeWait or use LOAD");
    this.cacheName = cacheName;
  }

  /** The name of the cache whose load was waited for. */
  public String cacheName() {
    return cacheName;
  }
}
