package dev.cachegen.runtime.internal;

/**
 * A value held by a cache, with what the runtime knows about it. A cached {@code null} is an entry
 * whose {@link #value()} is {@code null}; an absent entry is a {@code null} {@code CacheEntry}.
 *
 * <p>Two forms, chosen when the entry is made: the {@linkplain #of full entry}, which carries
 * everything the entry header in Redis carries and is what every runtime with a shared tier stores;
 * and the {@linkplain #local local entry} of an in-memory runtime's cache without tags, ttl from
 * the value or freshness checks, which keeps only what such a cache reads (the value, its
 * generation and a 64-bit hash of its shared key, for the operations tools that name an entry by
 * its key). The local form is what keeps an in-memory cache near plain Caffeine's size per entry
 * (benchmarks/README.md, "Memory per entry").
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

  /**
   * Whether the in-process tier must compare {@link #expiresAtMillis()} with the clock on each
   * read: set once, before the entry is published to other threads (through the in-process tier's
   * map), and never cleared.
   */
  private boolean checkExpiryOnRead;

  private CacheEntry(V value, long generation) {
    this.value = value;
    this.generation = generation;
  }

  /** An entry that never expires by itself, for tests of the format and the codec. */
  public static <V> CacheEntry<V> of(V value, long storedAtMillis, long loadNanos) {
    return of(value, storedAtMillis, Long.MAX_VALUE, loadNanos, 0, NO_TAGS, NO_VERSIONS, "");
  }

  /** A full entry, with everything the entry header in Redis carries. */
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

  /**
   * A local entry: for an in-memory runtime's cache without tags, ttl from the value or freshness
   * checks, whose entries only the cache's fixed {@code localTtl} ends. It reads as stored at
   * {@code 0}, expiring never, loaded in no time, without tags.
   */
  public static <V> CacheEntry<V> local(V value, long generation, String sharedKey) {
    return new Local<>(value, generation, sharedKeyHash(sharedKey));
  }

  /** The cached value, possibly {@code null} when the cache stores nulls. */
  public final V value() {
    return value;
  }

  /** The cache's generation when the value was loaded; {@code invalidateAll} moves it on. */
  public final long generation() {
    return generation;
  }

  /** When the value was loaded and stored, in milliseconds since the epoch. */
  public abstract long storedAtMillis();

  /**
   * When the value stops being fresh, in milliseconds since the epoch: its time to live (less the
   * jitter) after it was stored. Past it, a cache with stale windows may still serve the value
   * while it reloads it; any other cache no longer has the entry.
   */
  public abstract long expiresAtMillis();

  /**
   * How long the load that produced this value took, in nanoseconds; {@code 0} for a value written
   * by a write-through or write-behind method. Early refresh starts earlier for slower loads.
   */
  public abstract long loadNanos();

  /** The tags the entry carries, never {@code null}. */
  public abstract String[] tags();

  /** The version of each tag when the value was loaded, index by index with {@link #tags()}. */
  public abstract long[] tagVersions();

  /**
   * The shared key of the entry, also for entries held only in the in-process tier; {@code null}
   * for a local entry, which keeps only its hash (see {@link #hasSharedKey}).
   */
  public abstract String sharedKey();

  /**
   * Whether {@code sharedKey}, whose {@link #sharedKeyHash} is {@code sharedKeyHash}, is this
   * entry's shared key: compared whole, or for a local entry by the hash (a wrong match needs two
   * of the cache's keys to collide in 64 bits). The caller hashes once for a walk over many
   * entries.
   */
  public abstract boolean hasSharedKey(String sharedKey, long sharedKeyHash);

  public final boolean hasTags() {
    return tags().length > 0;
  }

  /**
   * Marks the entry as one that expires before the in-process tier's fixed expiry would drop it, so
   * that each read there checks its expiry. For the in-process tier only, which calls it before it
   * publishes the entry.
   */
  public final void checkExpiryOnRead() {
    this.checkExpiryOnRead = true;
  }

  /** Whether {@link #checkExpiryOnRead()} was called. */
  public final boolean checksExpiryOnRead() {
    return checkExpiryOnRead;
  }

  @Override
  public String toString() {
    return "CacheEntry[value="
        + value
        + ", storedAtMillis="
        + storedAtMillis()
        + ", expiresAtMillis="
        + expiresAtMillis()
        + "]";
  }

  /** The hash a local entry keeps of its shared key: FNV-1a over its UTF-16 code units, 64 bits. */
  public static long sharedKeyHash(String sharedKey) {
    long hash = 0xcbf29ce484222325L;
    for (int i = 0; i < sharedKey.length(); i++) {
      hash = (hash ^ sharedKey.charAt(i)) * 0x100000001b3L;
    }
    return hash;
  }

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
    public boolean hasSharedKey(String sharedKey, long sharedKeyHash) {
      return this.sharedKey.equals(sharedKey);
    }
  }

  private static final class Local<V> extends CacheEntry<V> {
    private final long sharedKeyHash;

    Local(V value, long generation, long sharedKeyHash) {
      super(value, generation);
      this.sharedKeyHash = sharedKeyHash;
    }

    @Override
    public long storedAtMillis() {
      return 0;
    }

    @Override
    public long expiresAtMillis() {
      return Long.MAX_VALUE;
    }

    @Override
    public long loadNanos() {
      return 0;
    }

    @Override
    public String[] tags() {
      return NO_TAGS;
    }

    @Override
    public long[] tagVersions() {
      return NO_VERSIONS;
    }

    @Override
    public String sharedKey() {
      return null;
    }

    @Override
    public boolean hasSharedKey(String sharedKey, long sharedKeyHash) {
      return this.sharedKeyHash == sharedKeyHash;
    }
  }
}
