package dev.cachegen.runtime;

/**
 * Thrown to a caller whose thread was interrupted while it waited for a load of the same key by
 * another thread or JVM. The caller's interrupt flag is set again, and the delegate was not called
 * by this caller; the load it waited for goes on and its value is cached as usual.
 */
public final class LoadInterruptedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String cacheName;

  public LoadInterruptedException(String cacheName, String sharedKey) {
    super(
        "cache "
            + cacheName
            + ": interrupted while waiting for the load of "
            + sharedKey
            + "; the interrupt flag is set again");
    this.cacheName = cacheName;
  }

  /** The name of the cache whose load was waited for. */
  public String cacheName() {
    return cacheName;
  }
}
