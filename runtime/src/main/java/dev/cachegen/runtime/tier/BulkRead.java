package dev.cachegen.runtime.tier;

import dev.cachegen.runtime.internal.BulkLoader;
import dev.cachegen.runtime.internal.CacheEntry;
import dev.cachegen.runtime.internal.Sneaky;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Bulk methods ({@code Map<K, V> findAll(Collection<K> ids)}): one in-process lookup per key, one
 * multi-get to Redis for the keys the in-process tier lacks (one pipelined round trip per node on a
 * cluster), one call of the delegate with only the keys still missing, and the loaded values stored
 * per key, again in one round trip. Keys the delegate does not return are cached as {@code null}
 * when the cache caches nulls, else not cached. Bulk reads do not take the stampede lock; entries
 * due for early refresh or stale within a stale window are reloaded with the missing keys.
 */
final class BulkRead<V> {
  private static final String[] NO_TAGS = new String[0];
  private static final long[] NO_VERSIONS = new long[0];

  private final CacheContext<V> context;
  private final LocalTier<V> local;
  private final Generation generation;
  private final FreshnessPolicy freshness;
  private final SharedEntries<V> entries;

  /** The counted in-process lookup that drops invalidated entries. */
  private final Function<Object, CacheEntry<V>> lookup;

  BulkRead(
      CacheContext<V> context,
      LocalTier<V> local,
      Generation generation,
      FreshnessPolicy freshness,
      SharedEntries<V> entries,
      Function<Object, CacheEntry<V>> lookup) {
    this.context = context;
    this.local = local;
    this.generation = generation;
    this.freshness = freshness;
    this.entries = entries;
    this.lookup = lookup;
  }

  <K> Map<K, V> getAll(
      Collection<K> keys,
      Function<? super K, Object> localKey,
      Function<? super K, String> sharedKey,
      BulkLoader<K, V> loader) {
    long sequence = local.sequence();
    // In the order of keys, so that when every key hits (the common case) this is the answer.
    Map<K, V> found = new LinkedHashMap<>(Math.max(16, keys.size() * 4 / 3 + 1));
    Map<K, Object> missed = null; // key -> its local key, in the order of keys
    long now = context.clock().millis();
    for (K key : keys) {
      if (found.containsKey(key) || (missed != null && missed.containsKey(key))) {
        continue; // a duplicate
      }
      Object local = localKey.apply(key);
      CacheEntry<V> entry = lookup.apply(local);
      if (entry != null && !freshness.refreshDue(entry, now)) {
        if (entry.value() != null) {
          found.put(key, entry.value());
        }
      } else {
        if (missed == null) {
          missed = new LinkedHashMap<>();
        }
        missed.put(key, local);
      }
    }
    if (missed == null) {
      return found;
    }
    loadMissing(missed, sharedKey, loader, sequence, found);
    return inOrder(keys, found);
  }

  /** Reads the keys the in-process tier lacked from Redis, then loads what is still missing. */
  private <K> void loadMissing(
      Map<K, Object> missed,
      Function<? super K, String> sharedKey,
      BulkLoader<K, V> loader,
      long sequence,
      Map<K, V> found) {
    List<K> missedLocally = new ArrayList<>(missed.keySet());
    List<Object> localKeys = new ArrayList<>(missed.values());
    long loadGeneration = generation.forLoad();
    List<String> sharedKeys = new ArrayList<>(missedLocally.size());
    for (K key : missedLocally) {
      sharedKeys.add(sharedKey.apply(key));
    }
    List<byte[]> stored = entries.readAll(sharedKeys);
    List<Integer> missing = new ArrayList<>();
    boolean[] replace = new boolean[missedLocally.size()];
    for (int i = 0; i < missedLocally.size(); i++) {
      SharedRead<V> read = entries.decode(sharedKeys.get(i), stored.get(i), loadGeneration, true);
      CacheEntry<V> entry = read.entry();
      if (entry != null
          && (!freshness.checked()
              || freshness.of(entry, context.clock().millis()) == Freshness.FRESH)) {
        local.putIfUnchanged(sequence, localKeys.get(i), entry);
        if (entry.value() != null) {
          found.put(missedLocally.get(i), entry.value());
        }
      } else {
        replace[i] = read.replace() || entry != null;
        missing.add(i);
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    List<K> toLoad = new ArrayList<>(missing.size());
    missing.forEach(i -> toLoad.add(missedLocally.get(i)));
    long start = context.nanoTime().getAsLong();
    Map<K, V> loaded;
    try {
      loaded = loader.loadAll(Collections.unmodifiableList(toLoad));
    } catch (Exception failure) {
      context.counters().loadFailures.increment();
      context.counters().loadNanos.add(context.nanoTime().getAsLong() - start);
      throw Sneaky.rethrow(failure);
    }
    long loadNanos = context.nanoTime().getAsLong() - start;
    context.counters().loads.increment();
    context.counters().loadNanos.add(loadNanos);
    long now = context.clock().millis();
    List<CacheEntry<V>> toStore = new ArrayList<>(missing.size());
    List<Boolean> toReplace = new ArrayList<>(missing.size());
    for (int i : missing) {
      K key = missedLocally.get(i);
      V value = loaded == null ? null : loaded.get(key);
      if (value != null) {
        found.put(key, value);
      }
      if (!context.definition().stores(value)) {
        continue; // a null the cache does not keep, or a value its unless condition holds for
      }
      CacheEntry<V> entry =
          freshness.entry(
              value, now, loadNanos, loadGeneration, NO_TAGS, NO_VERSIONS, sharedKeys.get(i));
      if (entry.expiresAtMillis() <= now) {
        continue; // its ttlFrom says it has already expired: returned, not cached
      }
      local.putIfUnchanged(sequence, localKeys.get(i), entry);
      toStore.add(entry);
      toReplace.add(replace[i]);
    }
    entries.writeAll(toStore, toReplace);
  }

  private static <K, V> Map<K, V> inOrder(Collection<K> keys, Map<K, V> found) {
    Map<K, V> ordered = new LinkedHashMap<>();
    for (K key : keys) {
      V value = found.get(key);
      if (value != null) {
        ordered.put(key, value);
      }
    }
    return ordered;
  }
}
