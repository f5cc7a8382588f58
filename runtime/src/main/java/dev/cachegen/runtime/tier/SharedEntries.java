package dev.cachegen.runtime.tier;

import dev.cachegen.runtime.internal.CacheEntry;
import dev.cachegen.runtime.shared.SharedTierException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One cache's entries in the shared tier: reads that decode and check them, writes that encode
 * them, one key or many at a time. Every Redis failure is counted and answered as a miss or a
 * skipped write (fail open); bytes that do not decode are a miss that the next load overwrites.
 */
final class SharedEntries<V> {
  private static final Logger log = LoggerFactory.getLogger(SharedEntries.class);

  private final CacheContext<V> context;
  private final FreshnessPolicy freshness;
  private final AtomicBoolean decodeFailureLogged = new AtomicBoolean();
  private final AtomicBoolean encodeFailureLogged = new AtomicBoolean();
  private final AtomicBoolean oversizeLogged = new AtomicBoolean();

  SharedEntries(CacheContext<V> context, FreshnessPolicy freshness) {
    this.context = context;
    this.freshness = freshness;
  }

  /**
   * Reads and checks the entry under {@code sharedKey}. {@code counted} reads count as a shared hit
   * or miss (and a decode error); the extra looks of a stampede lock or wait do not.
   */
  SharedRead<V> read(String sharedKey, long loadGeneration, boolean counted) {
    if (!context.hasSharedTier()) {
      return SharedRead.absent();
    }
    CacheCounters counters = context.counters();
    if (!context.coherence().repaired()) {
      // This runtime owes Redis an invalidation: what Redis holds may be a value it replaced.
      if (counted) {
        counters.sharedMisses.increment();
      }
      return SharedRead.unanswered();
    }
    byte[] bytes;
    try {
      bytes =
          context.definition().sliding()
              ? context.shared().getAndExpire(sharedKey, freshness.ttlMillis())
              : context.shared().get(sharedKey);
    } catch (SharedTierException e) {
      counters.sharedErrors.increment();
      if (counted) {
        counters.sharedMisses.increment();
      }
      if (e.reason() == SharedTierException.Reason.WRONG_TYPE) {
        // A hash, a list... under our key: like corrupt bytes, a miss that the load overwrites
        // (SET replaces a key of any type; SET NX would leave it there forever).
        logDecodeFailure(sharedKey, e);
        return SharedRead.overwrite();
      }
      return SharedRead.unanswered();
    }
    return decode(sharedKey, bytes, loadGeneration, counted);
  }

  /** The bytes under each key, {@code null} where absent or when Redis fails (fail open). */
  List<byte[]> readAll(List<String> sharedKeys) {
    if (context.hasSharedTier() && context.coherence().repaired()) {
      try {
        return context.shared().getAll(sharedKeys);
      } catch (SharedTierException e) {
        context.counters().sharedErrors.increment();
      }
    }
    return new ArrayList<>(Collections.nCopies(sharedKeys.size(), (byte[]) null));
  }

  /** What the bytes under {@code sharedKey} say: a current entry, nothing, or bytes to replace. */
  SharedRead<V> decode(String sharedKey, byte[] bytes, long loadGeneration, boolean counted) {
    CacheCounters counters = context.counters();
    if (bytes == null) {
      if (counted) {
        counters.sharedMisses.increment();
      }
      return SharedRead.absent();
    }
    CacheEntry<V> entry;
    try {
      entry = EntryFormat.decode(bytes, context.codec(), sharedKey);
    } catch (Exception e) {
      // Another shape, another writer or plain garbage: a miss; the load that follows overwrites
      // it. A stampede wait's second look at the same bytes is not a second error.
      if (counted) {
        counters.sharedErrors.increment();
        counters.sharedMisses.increment();
      }
      logDecodeFailure(sharedKey, e);
      return SharedRead.overwrite();
    }
    if (entry.value() == null && !context.definition().cacheNulls()) {
      // A null this cache would never have stored: another writer's bytes, a miss.
      if (counted) {
        counters.sharedErrors.increment();
        counters.sharedMisses.increment();
      }
      logDecodeFailure(
          sharedKey, new IllegalStateException("a cached null in a cache without nulls"));
      return SharedRead.overwrite();
    }
    boolean current =
        loadGeneration != CacheEntry.UNKNOWN_GENERATION
            && entry.generation() == loadGeneration
            && (!entry.hasTags() || tagsCurrentReadingUnknown(entry));
    if (!current) {
      // Written before an invalidation of its cache or one of its tags.
      if (counted) {
        counters.sharedMisses.increment();
      }
      return SharedRead.overwrite();
    }
    if (counted) {
      counters.sharedHits.increment();
    }
    return SharedRead.hit(entry);
  }

  /**
   * Stores {@code entry} for the rest of its life plus the stale windows; with {@code replace}
   * false only if the key is absent, so that a load never overwrites a write that raced with it.
   *
   * @return whether Redis took it; {@code false} when it failed, or when the entry could not be
   *     written (its generation or a tag version unknown, its life over, a codec failure)
   */
  boolean write(CacheEntry<V> entry, boolean replace) {
    Stored stored = stored(entry);
    if (stored == null) {
      return false;
    }
    try {
      if (replace) {
        context.shared().set(entry.sharedKey(), stored.bytes(), stored.ttlMillis());
      } else {
        context.shared().setIfAbsent(entry.sharedKey(), stored.bytes(), stored.ttlMillis());
      }
      return true;
    } catch (SharedTierException e) {
      context.counters().sharedErrors.increment();
      return false;
    }
  }

  /**
   * What {@code entry} is stored as: its bytes, for the rest of its life plus the stale windows; or
   * {@code null} when it is not written (its generation or a tag version unknown, its life over, a
   * codec failure, more than {@code maxValueBytes}).
   */
  Stored stored(CacheEntry<V> entry) {
    if (!storable(entry)) {
      return null;
    }
    byte[] bytes = encode(entry);
    if (bytes == null) {
      return null;
    }
    long ttl = entry.expiresAtMillis() - context.clock().millis() + freshness.staleMillis();
    // A load that outlasted the entry's life has nothing worth storing.
    return ttl > 0 ? new Stored(bytes, ttl) : null;
  }

  /** An entry's bytes and how long Redis keeps them. */
  record Stored(byte[] bytes, long ttlMillis) {}

  /** Like {@link #write} for many entries, in one pipelined round trip. */
  void writeAll(List<CacheEntry<V>> entries, List<Boolean> replace) {
    if (!context.hasSharedTier() || entries.isEmpty()) {
      return;
    }
    List<String> keys = new ArrayList<>();
    List<byte[]> values = new ArrayList<>();
    long[] ttls = new long[entries.size()];
    boolean[] ifAbsent = new boolean[entries.size()];
    long now = context.clock().millis();
    for (int i = 0; i < entries.size(); i++) {
      CacheEntry<V> entry = entries.get(i);
      long ttl = entry.expiresAtMillis() - now + freshness.staleMillis();
      byte[] bytes = storable(entry) && ttl > 0 ? encode(entry) : null;
      if (bytes == null) {
        continue;
      }
      values.add(bytes);
      ttls[keys.size()] = ttl;
      ifAbsent[keys.size()] = !replace.get(i);
      keys.add(entry.sharedKey());
    }
    try {
      context
          .shared()
          .setAll(
              keys, values, Arrays.copyOf(ttls, keys.size()), Arrays.copyOf(ifAbsent, keys.size()));
    } catch (SharedTierException e) {
      context.counters().sharedErrors.increment();
    }
  }

  /** Removes the entry under {@code sharedKey}; a failure is counted and owed to Redis. */
  void delete(String sharedKey) {
    try {
      context.shared().delete(sharedKey);
    } catch (SharedTierException e) {
      context.counters().sharedErrors.increment();
      context.coherence().owe(context.name(), sharedKey);
    }
  }

  /**
   * Whether the entry can be checked when it is read back: its generation and every tag version
   * were known when it was loaded.
   */
  private boolean storable(CacheEntry<V> entry) {
    if (!context.hasSharedTier() || entry.generation() == CacheEntry.UNKNOWN_GENERATION) {
      return false;
    }
    for (long version : entry.tagVersions()) {
      if (version == CacheEntry.UNKNOWN_GENERATION) {
        return false;
      }
    }
    return true;
  }

  private byte[] encode(CacheEntry<V> entry) {
    try {
      byte[] bytes = EntryFormat.encode(entry, context.codec());
      if (bytes.length > context.maxValueBytes()) {
        context.counters().oversized.increment();
        if (oversizeLogged.compareAndSet(false, true)) {
          log.warn(
              "cache {}: an entry of {} bytes is over maxValueBytes ({}); such entries stay in the"
                  + " local tier only (further ones are counted in its statistics, not logged)",
              context.name(),
              bytes.length,
              context.maxValueBytes());
        }
        return null;
      }
      return bytes;
    } catch (Exception e) {
      context.counters().sharedErrors.increment();
      if (encodeFailureLogged.compareAndSet(false, true)) {
        log.warn(
            "cache {}: cannot encode a {} for the shared tier; it stays in the local tier only: {}",
            context.name(),
            context.definition().valueType().getTypeName(),
            e.toString());
      }
      return null;
    }
  }

  /** Like {@code Coherence.tagsAreCurrent}, first reading versions this runtime does not know. */
  private boolean tagsCurrentReadingUnknown(CacheEntry<V> entry) {
    long[] current = context.coherence().currentVersions(entry.tags());
    long[] stored = entry.tagVersions();
    for (int i = 0; i < current.length; i++) {
      if (current[i] == CacheEntry.UNKNOWN_GENERATION || current[i] != stored[i]) {
        return false;
      }
    }
    return true;
  }

  private void logDecodeFailure(String sharedKey, Exception e) {
    if (decodeFailureLogged.compareAndSet(false, true)) {
      log.warn(
          "cache {}: cannot decode the entry at {} as {}; treating it as a miss and overwriting"
              + " it (further decode failures of this cache are logged at debug): {}",
          context.name(),
          sharedKey,
          context.definition().valueType().getTypeName(),
          e.toString());
    } else {
      log.debug("cache {}: cannot decode the entry at {}", context.name(), sharedKey, e);
    }
  }
}
