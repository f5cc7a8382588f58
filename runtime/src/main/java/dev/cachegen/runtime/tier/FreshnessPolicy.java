package dev.cachegen.runtime.tier;

import dev.cachegen.runtime.internal.CacheDefinition;
import dev.cachegen.runtime.internal.CacheEntry;
import dev.cachegen.runtime.internal.TtlFrom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * One cache's rules for when an entry stops answering as it is: its expiry (the ttl less up to 10%
 * of jitter), its stale windows, and early refresh.
 *
 * <p>Early refresh is the XFetch rule (Vattani, Chierichetti and Lowenstein, VLDB 2015): with
 * {@code delta} the duration of the load that produced the entry and {@code beta} the cache's
 * {@code earlyRefresh}, the entry is due once {@code now - delta * beta * ln(random()) >= expiry},
 * for a random number in (0, 1]. The closer the expiry and the slower the load, the likelier a
 * reload, so that across many callers one reload starts shortly before the entry would expire.
 */
final class FreshnessPolicy {
  private final boolean checked;
  private final long ttlMillis;
  private final double beta;
  private final long staleWhileRevalidateMillis;
  private final long staleIfErrorMillis;
  private final DoubleSupplier random;
  private final TtlFrom<Object> ttlFrom;

  /**
   * Whether entries without tags are {@linkplain CacheEntry#local local}: in a runtime without a
   * shared tier, where no entry is encoded for Redis, and in a cache that reads no entry's expiry
   * (not checked, no {@code ttlFrom}), so that only the fixed {@code localTtl} ends an entry.
   */
  private final boolean localEntries;

  @SuppressWarnings("unchecked") // the definition's values are the entries' values
  FreshnessPolicy(CacheDefinition<?> definition, DoubleSupplier random, boolean sharedTier) {
    this.checked = definition.checksFreshness();
    this.ttlMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(definition.ttlNanos()));
    this.beta = definition.earlyRefresh();
    this.staleWhileRevalidateMillis =
        TimeUnit.NANOSECONDS.toMillis(definition.staleWhileRevalidateNanos());
    this.staleIfErrorMillis = TimeUnit.NANOSECONDS.toMillis(definition.staleIfErrorNanos());
    this.random = random;
    this.ttlFrom = (TtlFrom<Object>) definition.ttlFrom();
    this.localEntries = !sharedTier && !checked && ttlFrom == null && !definition.sliding();
  }

  /**
   * Whether entries expire each at its own time ({@code ttlFrom}), so the in-process tier must not
   * keep one past its expiry, as a fixed {@code localTtl} alone would.
   */
  boolean perEntryTtl() {
    return ttlFrom != null;
  }

  /**
   * Whether entries are checked at all: only caches with early refresh or a stale window are.
   * Without, the shared tier drops entries at expiry by itself and whatever it holds is fresh.
   */
  boolean checked() {
    return checked;
  }

  /** The cache's ttl, at least one millisecond. */
  long ttlMillis() {
    return ttlMillis;
  }

  /** How long the shared tier keeps an entry past its expiry: the longer stale window. */
  long staleMillis() {
    return Math.max(staleWhileRevalidateMillis, staleIfErrorMillis);
  }

  /** When an entry stored at {@code nowMillis} stops being fresh. */
  long expiresAt(long nowMillis) {
    return nowMillis + jittered(ttlMillis);
  }

  /**
   * When an entry of {@code value} stored at {@code nowMillis} stops being fresh: its own ttl
   * ({@code ttlFrom}) jittered like the cache's, else the cache's; at or before {@code nowMillis}
   * for a value that has already expired. A {@code ttlFrom} that throws gives the cache's ttl. The
   * cache's ttl stays the longest life: the generation and tag counters an entry is checked against
   * in Redis live that long (ARCHITECTURE.md, the Redis keyspace), and Redis refuses an expiry that
   * overflows its clock.
   */
  long expiresAt(Object value, long nowMillis) {
    if (ttlFrom == null) {
      return expiresAt(nowMillis);
    }
    long own;
    try {
      own = ttlFrom.ttlMillis(value, nowMillis);
    } catch (RuntimeException e) {
      own = TtlFrom.CACHE_TTL;
    }
    if (own == TtlFrom.CACHE_TTL) {
      return expiresAt(nowMillis);
    }
    if (own <= 0) {
      return nowMillis;
    }
    return nowMillis + jittered(Math.min(own, ttlMillis));
  }

  /**
   * A new entry of {@code value}, stored at {@code nowMillis}, with its expiry: a local entry where
   * nothing reads more ({@link #localEntries}), else a full one.
   */
  <V> CacheEntry<V> entry(
      V value,
      long nowMillis,
      long loadNanos,
      long generation,
      String[] tags,
      long[] versions,
      String sharedKey) {
    if (localEntries && tags.length == 0) {
      return CacheEntry.local(value, generation, sharedKey);
    }
    return CacheEntry.of(
        value,
        nowMillis,
        expiresAt(value, nowMillis),
        loadNanos,
        generation,
        tags,
        versions,
        sharedKey);
  }

  /** Where {@code entry} stands at {@code now}. */
  Freshness of(CacheEntry<?> entry, long now) {
    long expiresAt = entry.expiresAtMillis();
    if (now < expiresAt) {
      return Freshness.FRESH;
    }
    long late = now - expiresAt;
    if (late < staleWhileRevalidateMillis) {
      return Freshness.REVALIDATE;
    }
    return late < staleIfErrorMillis ? Freshness.IF_ERROR : Freshness.EXPIRED;
  }

  /** Whether a checked entry found in the in-process tier must not simply be returned. */
  boolean refreshDue(CacheEntry<?> entry, long now) {
    if (!checked) {
      return false;
    }
    return now >= entry.expiresAtMillis() || earlyRefreshDue(entry, now);
  }

  /** The XFetch roll; see the class comment. */
  boolean earlyRefreshDue(CacheEntry<?> entry, long now) {
    if (beta <= 0 || entry.loadNanos() <= 0) {
      return false;
    }
    double deltaMillis = entry.loadNanos() / 1e6;
    return now - deltaMillis * beta * Math.log(random.getAsDouble()) >= entry.expiresAtMillis();
  }

  /** The ttl shortened by up to 10%, so entries written together do not expire together. */
  static long jittered(long ttlMillis) {
    long spread = ttlMillis / 10;
    return spread == 0 ? ttlMillis : ttlMillis - ThreadLocalRandom.current().nextLong(spread + 1);
  }
}
