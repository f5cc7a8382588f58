package dev.cachegen.runtime.tier;

import dev.cachegen.runtime.KeyInspection;
import dev.cachegen.runtime.internal.CacheEntry;
import dev.cachegen.runtime.shared.SharedTierException;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * What one cache's tiers hold for a key given as text: for {@code CacheRuntime.inspect}. It reads
 * without counting hits or misses and without changing anything, so looking does not disturb the
 * statistics or the entries it reports on; an entry either tier holds but that its cache's
 * generation or tags have invalidated is reported absent, as a call would find it.
 */
final class KeyInspector<V> {
  private final CacheContext<V> context;
  private final LocalTier<V> local;
  private final Generation generation;
  private final Function<Object, CacheEntry<V>> current;

  /**
   * @param current the in-process entry of a local key if it is current, else {@code null}
   */
  KeyInspector(
      CacheContext<V> context,
      LocalTier<V> local,
      Generation generation,
      Function<Object, CacheEntry<V>> current) {
    this.context = context;
    this.local = local;
    this.generation = generation;
    this.current = current;
  }

  KeyInspection inspect(String sharedKey) {
    return new KeyInspection(context.name(), sharedKey, local(sharedKey), shared(sharedKey));
  }

  private KeyInspection.Tier local(String sharedKey) {
    Object localKey = local.localKeyOf(sharedKey);
    CacheEntry<V> entry = localKey == null ? null : current.apply(localKey);
    if (entry == null) {
      return KeyInspection.Tier.ABSENT;
    }
    long size;
    try {
      size = entry.value() == null ? 0 : context.codec().writer.encode(entry.value()).length;
    } catch (Exception e) {
      return KeyInspection.Tier.unknown("the codec cannot encode the value: " + e);
    }
    Duration ttl = local.timeToLive(localKey).orElse(null);
    return new KeyInspection.Tier(true, ttl, List.of(entry.tags()), size, null);
  }

  private KeyInspection.Tier shared(String sharedKey) {
    if (!context.hasSharedTier()) {
      return KeyInspection.Tier.unknown("no shared tier: this runtime is in-memory");
    }
    byte[] bytes;
    long ttlMillis;
    try {
      bytes = context.shared().get(sharedKey);
      ttlMillis = bytes == null ? -2 : context.shared().timeToLiveMillis(sharedKey);
    } catch (SharedTierException e) {
      return KeyInspection.Tier.unknown("Redis did not answer: " + e.getMessage());
    }
    if (bytes == null || ttlMillis == -2) {
      return KeyInspection.Tier.ABSENT;
    }
    CacheEntry<V> entry;
    try {
      entry = EntryFormat.decode(bytes, context.codec(), sharedKey);
    } catch (Exception e) {
      return new KeyInspection.Tier(
          false, null, List.of(), bytes.length, "the bytes in Redis do not decode: " + e);
    }
    if (generation.forLoad() == CacheEntry.UNKNOWN_GENERATION) {
      return KeyInspection.Tier.unknown("Redis did not tell the cache's generation");
    }
    if (!generation.isCurrent(entry)) {
      return KeyInspection.Tier.ABSENT; // invalidated: readers ignore it until it expires
    }
    Duration ttl = ttlMillis < 0 ? null : Duration.ofMillis(ttlMillis);
    return new KeyInspection.Tier(true, ttl, List.of(entry.tags()), bytes.length, null);
  }
}
