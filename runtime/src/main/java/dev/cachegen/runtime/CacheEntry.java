package dev.cachegen.runtime;

/**
 * A value held by a cache, with what the runtime knows about it. A cached {@code null} is an entry
 * whose {@link #value()} is {@code null}; an absent entry is a {@code null} {@code CacheEntry}.
 *
 * @param <V> the value's type
 */
public final class CacheEntry<V> {
  /** Stands for "not known" in {@link #generation()}: stored while Redis could not be asked. */
  static final long UNKNOWN_GENERATION = -1;

  private static final String[] NO_TAGS = new String[0];
  private static final long[] NO_VERSIONS = new long[0];

  private final V value;
  private final long storedAtMillis;
  private final long loadNanos;
  private final long generation;
  private final String[] tags;
  private final long[] tagVersions;
  private final String sharedKey;

  CacheEntry(V value, long storedAtMillis, long loadNanos) {
    this(value, storedAtMillis, loadNanos, 0, NO_TAGS, NO_VERSIONS, "");
  }

  CacheEntry(
      V value,
      long storedAtMillis,
      long loadNanos,
      long generation,
      String[] tags,
      long[] tagVersions,
      String sharedKey) {
    this.sharedKey = sharedKey;
    this.value = value;
    this.storedAtMillis = storedAtMillis;
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

  /** How long the load that produced this value took, in nanoseconds. */
  public long loadNanos() {
    return loadNanos;
  }

  /** The cache's generation when the value was loaded; {@code invalidateAll} moves it on. */
  long generation() {
    return generation;
  }

  /** The tags the entry carries, never {@code null}. */
  String[] tags() {
    return tags;
  }

  /** The version of each tag when the value was loaded, index by index with {@link #tags()}. */
  long[] tagVersions() {
    return tagVersions;
  }

  /** The shared key of the entry, also for entries held only in the in-process tier. */
  String sharedKey() {
    return sharedKey;
  }

  boolean hasTags() {
    return tags.length > 0;
  }

  @Override
  public String toString() {
    return "CacheEntry[value=" + value + ", storedAtMillis=" + storedAtMillis + "]";
  }
}
