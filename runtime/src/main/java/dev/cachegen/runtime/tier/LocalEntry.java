package dev.cachegen.runtime.tier;

import dev.cachegen.runtime.internal.CacheEntry;

/**
 * The kinds of entry the in-process tier keeps: of an entry with everything ({@link
 * CacheEntry#of}), only what its cache reads on a hit. Each kind is chosen once per entry by {@link
 * #keep}; none holds the shared key's string or bytes, which only Redis needs.
 *
 * <ul>
 *   <li>{@link Bare}: the value and the generation (24 bytes with compressed references): a cache
 *       without Redis, tags, stale windows, early refresh or {@code ttlFrom}.
 *   <li>{@link Timed}: with the expiry too, checked on every hit ({@code ttlFrom}).
 *   <li>{@link Hashed} and its kinds: with a 64-bit hash of the shared key, for caches over Redis.
 *       Such an entry is its own key in the tier's shared-key index (equal to any entry with the
 *       same hash), so that an event naming a shared key finds the local key without the index
 *       keeping a string per entry.
 *   <li>The entry with everything itself (or, over Redis, wrapped with its hash) where the cache
 *       reads more: tags, stale windows, early refresh.
 * </ul>
 */
final class LocalEntry {
  private LocalEntry() {}

  /**
   * What the in-process tier keeps of {@code entry}.
   *
   * @param indexed whether the tier keeps the shared-key index (there is a shared tier)
   * @param checked whether hits read the entry's freshness (stale windows, early refresh)
   * @param timed whether hits check the entry's expiry ({@code ttlFrom})
   */
  static <V> CacheEntry<V> keep(
      CacheEntry<V> entry, boolean indexed, boolean checked, boolean timed) {
    boolean whole = checked || entry.hasTags();
    if (!indexed && (whole || entry.sharedKey() == null)) {
      if (whole) {
        return entry;
      }
      return timed
          ? new Timed<>(entry.value(), entry.generation(), entry.expiresAtMillis())
          : new Bare<>(entry.value(), entry.generation());
    }
    // Without a shared tier the hash stays too (8 bytes): operations tools find an entry by the
    // text of its shared key (LocalTier.localKeyOf) with no index to ask.
    long hash = hash(entry.sharedKey());
    if (whole) {
      return new HashedWhole<>(entry, hash);
    }
    return timed
        ? new HashedTimed<>(entry.value(), entry.generation(), hash, entry.expiresAtMillis())
        : new HashedBare<>(entry.value(), entry.generation(), hash);
  }

  /** The key that finds, in the shared-key index, the entry of {@code sharedKey}. */
  static Object probe(String sharedKey) {
    return new HashedBare<>(null, 0, hash(sharedKey));
  }

  /**
   * A 64-bit hash of a shared key: FNV-1a over its characters, then the finalizer of MurmurHash3 to
   * spread the bits. Two keys with the same hash in one cache cost an eviction, never a wrong
   * answer ({@link LocalTier#put}).
   */
  static long hash(String sharedKey) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < sharedKey.length(); i++) {
      h = (h ^ sharedKey.charAt(i)) * 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }

  /** The value and the generation. */
  static final class Bare<V> extends CacheEntry<V> {
    Bare(V value, long generation) {
      super(value, generation);
    }
  }

  /** The value, the generation and the expiry. */
  static final class Timed<V> extends CacheEntry<V> {
    private final long expiresAtMillis;

    Timed(V value, long generation, long expiresAtMillis) {
      super(value, generation);
      this.expiresAtMillis = expiresAtMillis;
    }

    @Override
    public long expiresAtMillis() {
      return expiresAtMillis;
    }
  }

  /** An entry of a cache over Redis: equal to every other with the same shared-key hash. */
  abstract static class Hashed<V> extends CacheEntry<V> {
    private final long sharedHash;

    Hashed(V value, long generation, long sharedHash) {
      super(value, generation);
      this.sharedHash = sharedHash;
    }

    @Override
    public final boolean equals(Object other) {
      return other instanceof Hashed<?> hashed && hashed.sharedHash == sharedHash;
    }

    @Override
    public final int hashCode() {
      return Long.hashCode(sharedHash);
    }
  }

  /** The value, the generation and the shared-key hash. */
  static final class HashedBare<V> extends Hashed<V> {
    HashedBare(V value, long generation, long sharedHash) {
      super(value, generation, sharedHash);
    }
  }

  /** The value, the generation, the shared-key hash and the expiry. */
  static final class HashedTimed<V> extends Hashed<V> {
    private final long expiresAtMillis;

    HashedTimed(V value, long generation, long sharedHash, long expiresAtMillis) {
      super(value, generation, sharedHash);
      this.expiresAtMillis = expiresAtMillis;
    }

    @Override
    public long expiresAtMillis() {
      return expiresAtMillis;
    }
  }

  /** The entry with everything, and its shared-key hash. */
  static final class HashedWhole<V> extends Hashed<V> {
    private final CacheEntry<V> whole;

    HashedWhole(CacheEntry<V> whole, long sharedHash) {
      super(whole.value(), whole.generation(), sharedHash);
      this.whole = whole;
    }

    @Override
    public long storedAtMillis() {
      return whole.storedAtMillis();
    }

    @Override
    public long expiresAtMillis() {
      return whole.expiresAtMillis();
    }

    @Override
    public long loadNanos() {
      return whole.loadNanos();
    }

    @Override
    public String[] tags() {
      return whole.tags();
    }

    @Override
    public long[] tagVersions() {
      return whole.tagVersions();
    }

    @Override
    public String sharedKey() {
      return whole.sharedKey();
    }

    @Override
    public boolean hasTags() {
      return whole.hasTags();
    }
  }
}
