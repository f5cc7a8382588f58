package dev.cachegen.runtime.internal;

/**
 * A value held by a cache, with what the runtime knows about it. A cached {@code null} is an entry
 * whose {@link #value()} is {@code null}; an absent entry is a {@code null} {@code CacheEntry}.
 *
 * @param <V> the value's type
 */
public final class CacheEntry<V> {
  /** Stands for "not known" in {@link #generation()}: stored while Redis could not be asked. */
  public static final long UNKNOWN_GENERATION = -1;

  private static final String[] NO_TAGS = new String[0];
  private static final long[] NO_VERSIONS = new long[0];

  private final V value;
  private final long storedAtMillis;
  private final long expiresAtMillis;
  private final long loadNanos;
  private final long generation;
  private final String[] tags;
  private final long[] tagVersions;
  private final String sharedKey;

  /**
   * Whether the in-process tier must compare {@link #expiresAtMillis()} with the clock on each
   * read: set once, before the entry is published to other threads (through the in-process tier's
   * map), and never cleared.
   */
  private boolean checkExpiryOnRead;

  /** An entry that never expires by itself, for tests of the format and the codec. */
  public CacheEntry(V value, long storedAtMillis, long loadNanos) {
    this(value, storedAtMillis, Long.MAX_VALUE, loadNanos, 0, NO_TAGS, NO_VERSIONS, "");
  }

  public CacheEntry(
      V value,
      long storedAtMillis,
      long expiresAtMillis,
      long loadNanos,
      long generation,
      String[] tags,
      long[] tagVersions,
      String sharedKey) {
    this.sharedKey = sharedKey;
    this.value = value;
    this.storedAtMillis = storedAtMillis;
    this.expiresAtMillis = expiresAtMillis;
    this.loadNanos = loadNanos;
    this.generation = generation;
    this.tags = tags == null ? NO_TAGS : tags;
    this.tagVersions = tagVersions == null ? NO_VERSIONS : tagVersions;
  }

  /** The cached value, possibly {@code null} when the cache stores nulls. */
  public V value() {
    return value;
  }

  /** When the value was loaded and stored, in milliseconds since the epoch. */
  public long storedAtMillis() {
    return storedAtMillis;
  }

  /**
   * When the value stops being fresh, in milliseconds since the epoch: its time to live (less the
   * jitter) after it was stored. Past it, a cache with stale windows may still serve the value
   * while it reloads it; any other cache no longer has the entry.
   */
  public long expiresAtMillis() {
    return expiresAtMillis;
  }

  /**
   * How long the load that produced this value took, in nanoseconds; {@code 0} for a value written
   * by a write-through or write-behind method. Early refresh starts earlier for slower loads.
   */
  public long loadNanos() {
    return loadNanos;
  }

  /** The cache's generation when the value was loaded; {@code invalidateAll} moves it on. */
  public long generation() {
    return generation;
  }

  /** The tags the entry carries, never {@code null}. */
  public String[] tags() {
    return tags;
  }

  /** The version of each tag when the value was loaded, index by index with {@link #tags()}. */
  public long[] tagVersions() {
    return tagVersions;
  }

  /** The shared key of the entry, also for entries held only in the in-process tier. */
  public String sharedKey() {
    return sharedKey;
  }

  /**
   * Marks the entry as one that expires before the in-process tier's fixed expiry would drop it, so
   * that each read there checks its expiry. For the in-process tier only, which calls it before it
   * publishes the entry.
   */
  public void checkExpiryOnRead() {
    this.checkExpiryOnRead = true;
  }

  /** Whether {@link #checkExpiryOnRead()} was called. */
  public boolean checksExpiryOnRead() {
    return checkExpiryOnRead;
  }

  public boolean hasTags() {
    return tags.length > 0;
  }

  @Override
  public String toString() {
    return "CacheEntry[value="
        + value
        + ", storedAtMillis="
        + storedAtMillis
        + ", expiresAtMillis="
        + expiresAtMillis
        + "]";
  }
}
