package dev.cachegen.runtime;

/**
 * A value held by a cache, with what the runtime knows about it. A cached {@code null} is an entry
 * whose {@link #value()} is {@code null}; an absent entry is a {@code null} {@code CacheEntry}.
 *
 * @param <V> the value's type
 */
public final class CacheEntry<V> {
  private final V value;
  private final long storedAtMillis;
  private final long loadNanos;

  CacheEntry(V value, long storedAtMillis, long loadNanos) {
    this.value = value;
    this.storedAtMillis = storedAtMillis;
    this.loadNanos = loadNanos;
  }

  /** The cached value, possibly {@code null} when the cache stores nulls. */
  public V value() {
    return value;
  }

  /** When the value was loaded and stored, in milliseconds since the epoch. */
  public long storedAtMillis() {
    return storedAtMillis;
  }

  /** How long the load that produced this value took, in nanoseconds. */
  public long loadNanos() {
    return loadNanos;
  }

  @Override
  public String toString() {
    return "CacheEntry[value=" + value + ", storedAtMillis=" + storedAtMillis + "]";
  }
}
