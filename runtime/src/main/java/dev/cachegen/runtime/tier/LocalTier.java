package dev.cachegen.runtime.tier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Policy;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.cachegen.runtime.internal.CacheDefinition;
import dev.cachegen.runtime.internal.CacheEntry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One cache's in-process tier: a Caffeine cache of entries by local key, the index from shared key
 * to local key that lets an event naming a shared key find its entry, and the invalidation sequence
 * that keeps a load which overlapped an invalidation from storing its older value.
 *
 * <p>What it keeps of an entry is only what a hit reads ({@link LocalEntry}): without Redis, a
 * plain cache's entry is the value and the generation. The shared-key index exists only over Redis,
 * keyed by a 64-bit hash of the shared key that the entry itself carries (the entry is the index's
 * key), not by the shared key's string.
 *
 * <p>Expiry, chosen once per cache: access-refreshed for sliding caches; per entry, exactly to its
 * own expiry plus the stale windows, for caches that check freshness; otherwise a fixed {@code
 * localTtl}, Caffeine's cheapest expiry per hit. For a cache with {@code ttlFrom} (and no freshness
 * checks) the entry keeps its own expiry and {@link #expired} tests it on every hit against the hit
 * clock (on the system clock, {@link CoarseTicker}'s, the time Caffeine's hit read anyway), so that
 * it stops answering with its Redis expiry without the cost of Caffeine's per-entry expiry. Any
 * other entry read from Redis late in its life may stay up to {@code localTtl} past its Redis
 * expiry, the same bound {@code localTtl} puts on staleness anyway.
 */
final class LocalTier<V> {
  private final Cache<Object, CacheEntry<V>> entries;

  /**
   * The entry ({@link LocalEntry.Hashed}, equal to any with the same shared-key hash) to its local
   * key, kept only when there are other runtimes to hear from.
   */
  private final Map<Object, Object> localKeys = new ConcurrentHashMap<>();

  private final boolean indexed;

  /** Whether hits read the entry's freshness: then it keeps everything. */
  private final boolean checked;

  /** Whether each hit checks the entry's own expiry ({@code ttlFrom} without freshness checks). */
  private final boolean timed;

  /** What {@link #expired} reads: the runtime's clock, or {@link CoarseTicker#clock()}. */
  private final Clock hitClock;

  /** {@code localMaximumSize(0)}: Caffeine would evict only later, on its maintenance thread. */
  private final boolean disabled;

  /** Moves on with every invalidation; a load stores only if it did not move meanwhile. */
  private final AtomicLong invalidations = new AtomicLong();

  LocalTier(
      CacheDefinition<V> definition,
      FreshnessPolicy freshness,
      Clock clock,
      Clock hitClock,
      Ticker ticker,
      Executor executor,
      long maximumSize,
      boolean indexed) {
    this.indexed = indexed;
    this.checked = freshness.checked();
    this.timed = freshness.perEntryTtl() && !freshness.checked() && !definition.sliding();
    this.hitClock = hitClock;
    this.disabled = maximumSize == 0;
    Caffeine<Object, CacheEntry<V>> builder =
        Caffeine.newBuilder()
            .maximumSize(maximumSize)
            .ticker(ticker)
            .executor(executor)
            .<Object, CacheEntry<V>>evictionListener(
                (Object key, CacheEntry<V> entry, RemovalCause cause) -> {
                  if (indexed && key != null && entry != null) {
                    localKeys.remove(entry, key);
                  }
                });
    if (definition.sliding()) {
      builder.expireAfterAccess(definition.localTtlNanos(), TimeUnit.NANOSECONDS);
    } else if (freshness.checked()) {
      builder = builder.expireAfter(new EntryExpiry<V>(definition, freshness, clock));
    } else {
      builder.expireAfterWrite(definition.localTtlNanos(), TimeUnit.NANOSECONDS);
    }
    this.entries = builder.build();
  }

  /** The entry under {@code localKey}, unchecked: it may be invalidated or stale. */
  CacheEntry<V> get(Object localKey) {
    return entries.getIfPresent(localKey);
  }

  /**
   * Whether {@code entry}, found here, is past its own expiry: only for caches whose values give
   * their own ttl ({@code ttlFrom}); any other entry ends with Caffeine's expiry.
   */
  boolean expired(CacheEntry<V> entry) {
    return timed && entry.expiresAtMillis() <= hitClock.millis();
  }

  /** The invalidation sequence now; pass it to {@link #putIfUnchanged} after a load. */
  long sequence() {
    return invalidations.get();
  }

  /** Whether no invalidation happened since {@code sequence}. */
  boolean unchangedSince(long sequence) {
    return invalidations.get() == sequence;
  }

  /** Records an invalidation: loads that started before it will not store their value here. */
  void invalidated() {
    invalidations.incrementAndGet();
  }

  /**
   * Stores what this tier keeps of {@code entry}, replacing what {@code localKey} held, and returns
   * it. Over Redis the index then maps the entry's shared-key hash to {@code localKey}: the mapping
   * of the entry it replaced goes first, so that the index does not keep that entry (and its value)
   * as its key; an event that counted an invalidation meanwhile drops the new entry again. Another
   * key whose shared key has the same 64-bit hash loses its entry here, so that no entry is left
   * that an event could not find.
   */
  CacheEntry<V> put(Object localKey, CacheEntry<V> entry) {
    if (disabled) {
      return entry;
    }
    CacheEntry<V> kept = LocalEntry.keep(entry, indexed, checked, timed);
    long sequence = invalidations.get();
    entries.put(localKey, kept);
    if (indexed) {
      Object previous = localKeys.remove(kept);
      localKeys.put(kept, localKey);
      if (previous != null && !previous.equals(localKey)) {
        entries.invalidate(previous);
      }
      if (previous != null && !unchangedSince(sequence)) {
        // An event may have looked for this key between the two index updates and missed it;
        // one that counted before this store began concerns an older value than ours.
        remove(localKey, kept);
        return kept;
      }
      // Caffeine may have evicted the entry already (its admission policy can reject a new entry
      // at once), and the eviction listener then ran before the mapping existed: drop it, or it
      // would outlive its entry. An entry that replaced ours keeps the mapping, which is its own.
      if (entries.getIfPresent(localKey) == null) {
        localKeys.remove(kept, localKey);
      }
    }
    return kept;
  }

  /** Stores a loaded entry unless an invalidation happened since {@code sequence}. */
  void putIfUnchanged(long sequence, Object localKey, CacheEntry<V> entry) {
    if (!unchangedSince(sequence)) {
      return;
    }
    CacheEntry<V> kept = put(localKey, entry);
    if (!unchangedSince(sequence)) {
      // An invalidation raced with the store: it may have looked for the entry too early.
      remove(localKey, kept);
    }
  }

  /** Removes {@code entry} if {@code localKey} still holds it. */
  void remove(Object localKey, CacheEntry<V> entry) {
    if (entries.asMap().remove(localKey, entry) && indexed) {
      localKeys.remove(entry, localKey);
    }
  }

  /** Removes whatever {@code localKey} holds. */
  void remove(Object localKey) {
    CacheEntry<V> entry = entries.getIfPresent(localKey);
    if (entry != null) {
      remove(localKey, entry);
    }
  }

  /** Removes the entry whose shared key is {@code sharedKey}, if this tier holds one. */
  void removeShared(String sharedKey) {
    Object localKey = localKeyOf(sharedKey);
    if (localKey != null) {
      remove(localKey);
    }
  }

  /**
   * The local key of the entry whose shared key is {@code sharedKey}, or {@code null}: from the
   * index when there is one, else by a walk over the entries (only an in-memory runtime has no
   * index, and only operations tools ask it).
   */
  Object localKeyOf(String sharedKey) {
    Object probe = LocalEntry.probe(sharedKey);
    if (indexed) {
      return localKeys.get(probe);
    }
    for (Map.Entry<Object, CacheEntry<V>> entry : entries.asMap().entrySet()) {
      CacheEntry<V> held = entry.getValue();
      if (probe.equals(held) || sharedKey.equals(held.sharedKey())) {
        return entry.getKey();
      }
    }
    return null;
  }

  /** How long this tier keeps {@code localKey}'s entry from now, if it holds one. */
  Optional<Duration> timeToLive(Object localKey) {
    Policy<Object, CacheEntry<V>> policy = entries.policy();
    Optional<Policy.VarExpiration<Object, CacheEntry<V>>> perEntry = policy.expireVariably();
    if (perEntry.isPresent()) {
      return perEntry.get().getExpiresAfter(localKey);
    }
    return policy
        .expireAfterWrite()
        .or(policy::expireAfterAccess)
        .flatMap(fixed -> fixed.ageOf(localKey).map(age -> fixed.getExpiresAfter().minus(age)));
  }

  /**
   * Removes every entry. The index goes first: an entry stored while this runs then keeps its
   * mapping (or leaves an orphan mapping, harmless), rather than stay in the tier unfindable by the
   * events that would evict it.
   */
  void clear() {
    localKeys.clear();
    entries.invalidateAll();
  }

  /** About how many entries there are. */
  long estimatedSize() {
    return entries.estimatedSize();
  }

  /** Runs Caffeine's pending maintenance now. */
  void cleanUp() {
    entries.cleanUp();
  }

  /** How many shared keys the index maps; for tests of the index. */
  int indexSize() {
    return localKeys.size();
  }

  /**
   * Per-entry expiry for caches that check freshness or whose values give their own ttl: the local
   * ttl, but never past the entry's expiry, so that all JVMs let go of a value when Redis does;
   * plus the stale windows when the expiry is what ends it.
   */
  private static final class EntryExpiry<V> implements Expiry<Object, CacheEntry<V>> {
    private final long localTtlNanos;
    private final long staleMillis;
    private final Clock clock;

    EntryExpiry(CacheDefinition<V> definition, FreshnessPolicy freshness, Clock clock) {
      this.localTtlNanos = definition.localTtlNanos();
      this.staleMillis = freshness.staleMillis();
      this.clock = clock;
    }

    private long lifeNanos(CacheEntry<V> entry) {
      long untilExpiryMillis = entry.expiresAtMillis() - clock.millis();
      if (untilExpiryMillis > TimeUnit.NANOSECONDS.toMillis(localTtlNanos)) {
        return localTtlNanos;
      }
      return Math.max(0, TimeUnit.MILLISECONDS.toNanos(untilExpiryMillis + staleMillis));
    }

    @Override
    public long expireAfterCreate(Object key, CacheEntry<V> entry, long currentTime) {
      return lifeNanos(entry);
    }

    @Override
    public long expireAfterUpdate(
        Object key, CacheEntry<V> entry, long currentTime, long currentDuration) {
      return lifeNanos(entry);
    }

    @Override
    public long expireAfterRead(
        Object key, CacheEntry<V> entry, long currentTime, long currentDuration) {
      return currentDuration;
    }
  }
}
