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
 * <p>Expiry, chosen once per cache: access-refreshed for sliding caches; per entry, exactly to its
 * own expiry plus the stale windows, for caches that check freshness; otherwise a fixed {@code
 * localTtl}, Caffeine's cheapest expiry per hit. An entry read from Redis late in its life may then
 * stay up to {@code localTtl} past its Redis expiry, the same bound {@code localTtl} puts on
 * staleness anyway, except in caches whose values give their own ttl ({@code ttlFrom}): there an
 * entry never outlives its own expiry. Those keep the fixed expiry too, since Caffeine's per-entry
 * expiry doubles the cost of a hit (benchmarks/README.md, hit paths); an entry stored with less
 * than {@code localTtl} to live is marked, and each read of a marked entry compares its expiry with
 * the clock. Entries that live longer than {@code localTtl} cost a hit nothing more.
 */
final class LocalTier<V> {
  /**
   * How much longer than {@code localTtl} an entry must live to go unmarked: covers the time
   * between the clock read that decides and Caffeine's own read of the write time (a pause of the
   * JVM, a step of the wall clock).
   */
  private static final long MARK_MARGIN_MILLIS = 1_000;

  private final Cache<Object, CacheEntry<V>> entries;

  /** Shared key to local key, kept only when there are other runtimes to hear from. */
  private final Map<String, Object> localKeys = new ConcurrentHashMap<>();

  private final boolean indexed;

  /** {@code localMaximumSize(0)}: Caffeine would evict only later, on its maintenance thread. */
  private final boolean disabled;

  /** Whether entries shorter-lived than {@code localTtl} are marked to check their expiry. */
  private final boolean marksShortLived;

  private final long localTtlMillis;
  private final Clock clock;

  /** Moves on with every invalidation; a load stores only if it did not move meanwhile. */
  private final AtomicLong invalidations = new AtomicLong();

  LocalTier(
      CacheDefinition<V> definition,
      FreshnessPolicy freshness,
      Clock clock,
      Ticker ticker,
      Executor executor,
      long maximumSize,
      boolean indexed) {
    this.indexed = indexed;
    this.disabled = maximumSize == 0;
    this.clock = clock;
    this.localTtlMillis = TimeUnit.NANOSECONDS.toMillis(definition.localTtlNanos());
    this.marksShortLived = !definition.sliding() && !freshness.checked() && freshness.perEntryTtl();
    Caffeine<Object, CacheEntry<V>> builder =
        Caffeine.newBuilder()
            .maximumSize(maximumSize)
            .ticker(ticker)
            .executor(executor)
            .<Object, CacheEntry<V>>evictionListener(
                (Object key, CacheEntry<V> entry, RemovalCause cause) -> {
                  if (indexed && key != null && entry != null) {
                    localKeys.remove(entry.sharedKey(), key);
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

  /** The entry under {@code localKey}, unexpired but unchecked: it may be invalidated or stale. */
  CacheEntry<V> get(Object localKey) {
    CacheEntry<V> entry = entries.getIfPresent(localKey);
    if (entry != null && entry.checksExpiryOnRead() && clock.millis() >= entry.expiresAtMillis()) {
      remove(localKey, entry);
      return null;
    }
    return entry;
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

  /** Stores {@code entry}, replacing what {@code localKey} held. */
  void put(Object localKey, CacheEntry<V> entry) {
    if (disabled) {
      return;
    }
    if (marksShortLived
        && entry.expiresAtMillis() - clock.millis() < localTtlMillis + MARK_MARGIN_MILLIS) {
      entry.checkExpiryOnRead(); // before the map below publishes it
    }
    if (!indexed) {
      entries.put(localKey, entry);
      return;
    }
    // The mapping is written inside Caffeine's atomic operation on the key, as removals and
    // evictions drop it, so none of them can run between an entry and its mapping: a removal of
    // the entry this one replaces would otherwise take this one's mapping and leave it unfindable
    // by the events that must evict it (the chaos suite saw such entries outlive many writes).
    entries
        .asMap()
        .compute(
            localKey,
            (key, replaced) -> {
              if (replaced != null && !replaced.sharedKey().equals(entry.sharedKey())) {
                localKeys.remove(replaced.sharedKey(), key);
              }
              localKeys.put(entry.sharedKey(), key);
              return entry;
            });
  }

  /** Stores a loaded entry unless an invalidation happened since {@code sequence}. */
  void putIfUnchanged(long sequence, Object localKey, CacheEntry<V> entry) {
    if (!unchangedSince(sequence)) {
      return;
    }
    put(localKey, entry);
    if (!unchangedSince(sequence)) {
      // An invalidation raced with the store: it may have looked for the entry too early.
      remove(localKey, entry);
    }
  }

  /** Removes {@code entry} if {@code localKey} still holds it. */
  void remove(Object localKey, CacheEntry<V> entry) {
    if (!entry.equals(entries.asMap().get(localKey))) {
      return; // replaced or gone: the entry there now, and its mapping, stay
    }
    entries
        .asMap()
        .computeIfPresent(localKey, (key, held) -> held.equals(entry) ? removed(key, held) : held);
  }

  /** Removes whatever {@code localKey} holds. */
  void remove(Object localKey) {
    entries.asMap().computeIfPresent(localKey, this::removed);
  }

  /** Drops {@code held}'s mapping, inside the atomic operation that removes it. */
  private CacheEntry<V> removed(Object localKey, CacheEntry<V> held) {
    if (indexed) {
      localKeys.remove(held.sharedKey(), localKey);
    }
    return null;
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
    if (indexed) {
      return localKeys.get(sharedKey);
    }
    long hash = CacheEntry.sharedKeyHash(sharedKey);
    for (Map.Entry<Object, CacheEntry<V>> entry : entries.asMap().entrySet()) {
      if (entry.getValue().hasSharedKey(sharedKey, hash)) {
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
    Optional<Duration> fixed =
        policy
            .expireAfterWrite()
            .or(policy::expireAfterAccess)
            .flatMap(after -> after.ageOf(localKey).map(age -> after.getExpiresAfter().minus(age)));
    CacheEntry<V> entry = policy.getIfPresentQuietly(localKey);
    if (fixed.isEmpty() || entry == null || !entry.checksExpiryOnRead()) {
      return fixed;
    }
    Duration own = Duration.ofMillis(Math.max(0, entry.expiresAtMillis() - clock.millis()));
    return Optional.of(own.compareTo(fixed.get()) < 0 ? own : fixed.get());
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
   * Per-entry expiry for caches that check freshness: the local ttl, but never past the entry's
   * expiry, so that all JVMs let go of a value when Redis does; plus the stale windows when the
   * expiry is what ends it.
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
