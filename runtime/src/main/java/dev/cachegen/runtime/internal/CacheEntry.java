package dev.cachegen.runtime.internal;

/**
 * A value held by a cache, with what the runtime knows about it. A cached {@code null} is an entry
 * whose {@link #value()} is {@code null}; an absent entry is a {@code null} {@code CacheEntry}.
 *
 * <p>An entry made by {@link #of} (after a load, a write, or read from Redis) carries everything:
 * its times, load duration, tags and shared key, all of which Redis needs. The in-process tier
 * keeps of it only what its cache reads on a hit (its subclasses in the runtime's tier package): a
 * cache without tags, stale windows or early refresh keeps the value and the generation, and its
 * entry answers {@link #storedAtMillis()}, {@link #loadNanos()} and {@link #sharedKey()} with
 * {@code 0}, {@code 0} and {@code null}, and {@link #expiresAtMillis()} with {@link Long#MAX_VALUE}
 * unless the cache has {@code ttlFrom}. Only what Redis needs is rebuilt or dropped; nothing that
 * decides a hit is.
 *
 * @param <V> the value's type
 */
public abstract class CacheEntry<V> {
  /** Stands for "not known" in {@link #generation()}: stored while Redis could not be asked. */
  public static final long UNKNOWN_GENERATION = -1;

  private static final String[] NO_TAGS = new String[0];
  private static final long[] NO_VERSIONS = new long[0];

  private final V value;
  private final long generation;

  /** For the runtime's own kinds of entry only. */
  protected CacheEntry(V value, long generation) {
    this.value = value;
    this.generation = generation;
  }

  /** An entry with everything the runtime knows about it. */
  public static <V> CacheEntry<V> of(
      V value,
      long storedAtMillis,
      long expiresAtMillis,
      long loadNanos,
      long generation,
      String[] tags,
      long[] tagVersions,
      String sharedKey) {
    return new Full<>(
        value,
        storedAtMillis,
        expiresAtMillis,
        loadNanos,
        generation,
        tags == null ? NO_TAGS : tags,
        tagVersions == null ? NO_VERSIONS : tagVersions,
        sharedKey);
  }

  /** An entry that never expires by itself, for tests of the format and the codec. */
  public static <V> CacheEntry<V> of(V value, long storedAtMillis, long loadNanos) {
    return of(value, storedAtMillis, Long.MAX_VALUE, loadNanos, 0, NO_TAGS, NO_VERSIONS, "");
  }

  /** The cached value, possibly {@code null} when the cache stores nulls. */
  public final V value() {
    return value;
  }

  /** The cache's generation when the value was loaded; {@code invalidateAll} moves it on. */
  public final long generation() {
    return generation;
  }

  /**
   * When the value was loaded and stored, in milliseconds since the epoch; {@code 0} in an entry of
   * the in-process tier, which does not keep it.
   */
  public long storedAtMillis() {
    return 0;
  }

  /**
   * When the value stops being fresh, in milliseconds since the epoch: its time to live (less the
   * jitter) after it was stored. Past it, a cache with stale windows may still serve the value
   * while it reloads it; any other cache no longer has the entry. {@link Long#MAX_VALUE} in an
   * entry of the in-process tier of a cache that does not check it there (no stale windows, no
   * early refresh, no {@code ttlFrom}): its fixed {@code localTtl} ends it.
   */
  public long expiresAtMillis() {
    return Long.MAX_VALUE;
  }

  /**
   * How long the load that produced this value took, in nanoseconds; {@code 0} for a value written
   * by a write-through or write-behind method, and in an entry of the in-process tier of a cache
   * without early refresh. Early refresh starts earlier for slower loads.
   */
  public long loadNanos() {
    return 0;
  }

  /** The tags the entry carries, never {@code null}. */
  public String[] tags() {
    return NO_TAGS;
  }

  /** The version of each tag when the value was loaded, index by index with {@link #tags()}. */
  public long[] tagVersions() {
    return NO_VERSIONS;
  }

  /**
   * The shared key of the entry; {@code null} in an entry of the in-process tier, which finds its
   * entries by a hash of it (and not at all without Redis).
   */
  public String sharedKey() {
    return null;
  }

  /** Whether {@link #tags()} is not empty. */
  public boolean hasTags() {
    return false;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName()
        + "[value="
        + value
        + ", generation="
        + generation
        + ", expiresAtMillis="
        + expiresAtMillis()
        + "]";
  }

  /** Everything: what {@link #of} makes and Redis stores. */
  private static final class Full<V> extends CacheEntry<V> {
    private final long storedAtMillis;
    private final long expiresAtMillis;
    private final long loadNanos;
    private final String[] tags;
    private final long[] tagVersions;
    private final String sharedKey;

    Full(
        V value,
        long storedAtMillis,
        long expiresAtMillis,
        long loadNanos,
        long generation,
        String[] tags,
        long[] tagVersions,
        String sharedKey) {
      super(value, generation);
      this.storedAtMillis = storedAtMillis;
      this.expiresAtMillis = expiresAtMillis;
      this.loadNanos = loadNanos;
      this.tags = tags;
      this.tagVersions = tagVersions;
      this.sharedKey = sharedKey;
    }

    @Override
    public long storedAtMillis() {
      return storedAtMillis;
    }

    @Override
    public long expiresAtMillis() {
      return expiresAtMillis;
    }

    @Override
    public long loadNanos() {
      return loadNanos;
    }

    @Override
    public String[] tags() {
      return tags;
    }

    @Override
    public long[] tagVersions() {
      return tagVersions;
    }

    @Override
    public String sharedKey() {
      return sharedKey;
    }

    @Override
    public boolean hasTags() {
      return tags.length > 0;
    }
  }
}
