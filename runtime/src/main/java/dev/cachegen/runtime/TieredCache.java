package dev.cachegen.runtime;

import com.github.benmanes.caffeine.cache.Cache;
import dev.cachegen.annotations.StampedePolicy;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One named cache across both tiers, as generated decorators use it. Obtain it with {@link
 * CacheRuntime#cache(CacheDefinition)}; a decorator method reads
 *
 * <pre>{@code
 * Object key = Keys.local(id);
 * CacheEntry<Item> cached = find.getIfPresent(key);
 * if (cached != null) {
 *   return cached.value();
 * }
 * String sharedKey = find.sharedKey().value(id).build();
 * return find.get(key, sharedKey, () -> delegate.find(id));
 * }</pre>
 *
 * <p>The L1 check comes first and is inlined in the generated method, so a hit costs a Caffeine
 * lookup and nothing else: no lambda, no shared key string.
 *
 * @param <V> the type of the cached values
 */
public final class TieredCache<V> {
  private static final Logger log = LoggerFactory.getLogger(TieredCache.class);

  private final CacheDefinition<V> definition;
  private final Cache<Object, CacheEntry<V>> local;
  private final SharedTier shared;
  private final Codec.TypedCodec<V> codec;
  private final String namespace;
  private final Clock clock;
  private final LongSupplier nanoTime;
  private final Executor executor;
  private final long ttlMillis;
  private final CacheCounters counters = new CacheCounters();
  private final ConcurrentHashMap<Object, CompletableFuture<CacheEntry<V>>> inFlight =
      new ConcurrentHashMap<>();
  private final AtomicBoolean decodeFailureLogged = new AtomicBoolean();
  private final AtomicBoolean encodeFailureLogged = new AtomicBoolean();

  TieredCache(
      CacheDefinition<V> definition,
      Cache<Object, CacheEntry<V>> local,
      SharedTier shared,
      Codec.TypedCodec<V> codec,
      String keyPrefix,
      Clock clock,
      LongSupplier nanoTime,
      Executor executor) {
    this.definition = definition;
    this.local = local;
    this.shared = shared;
    this.codec = codec;
    this.namespace = keyPrefix + ":" + definition.name() + ":" + definition.shape() + ":";
    this.clock = clock;
    this.nanoTime = nanoTime;
    this.executor = executor;
    this.ttlMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(definition.ttlNanos()));
  }

  /** The definition this cache was created from. */
  public CacheDefinition<V> definition() {
    return definition;
  }

  /**
   * The entry for {@code localKey} in the in-process tier, or {@code null}. Counts a local hit or
   * miss. Never touches the shared tier.
   */
  public CacheEntry<V> getIfPresent(Object localKey) {
    CacheEntry<V> entry = local.getIfPresent(localKey);
    if (entry != null) {
      counters.localHits.increment();
    } else {
      counters.localMisses.increment();
    }
    return entry;
  }

  /** A builder for the shared key of one call, already holding prefix, name and shape. */
  public SharedKeyBuilder sharedKey() {
    return new SharedKeyBuilder(namespace);
  }

  /**
   * The value for a key that missed the in-process tier: from the shared tier if it has it, else
   * from {@code loader}, then stored in both tiers. With {@link StampedePolicy#LOCK}, concurrent
   * callers of one key in this JVM share one load. Whatever {@code loader} throws reaches the
   * caller unchanged and is not cached.
   *
   * @param localKey the key built by {@link Keys}
   * @param sharedKey the key built by {@link #sharedKey()}, for the same values
   * @param loader calls the delegate
   */
  public V get(Object localKey, String sharedKey, Loader<V> loader) {
    if (definition.stampede() == StampedePolicy.NONE) {
      try {
        return loadThroughTiers(localKey, sharedKey, loader).value();
      } catch (Throwable failure) {
        throw Sneaky.rethrow(failure);
      }
    }
    CompletableFuture<CacheEntry<V>> ours = new CompletableFuture<>();
    CompletableFuture<CacheEntry<V>> theirs = inFlight.putIfAbsent(localKey, ours);
    if (theirs != null) {
      return await(theirs).value();
    }
    try {
      // A load may have finished between this caller's miss and its claim of the key.
      CacheEntry<V> entry = local.getIfPresent(localKey);
      if (entry == null) {
        entry = loadThroughTiers(localKey, sharedKey, loader);
      }
      ours.complete(entry);
      return entry.value();
    } catch (Throwable failure) {
      ours.completeExceptionally(failure);
      throw Sneaky.rethrow(failure);
    } finally {
      inFlight.remove(localKey, ours);
    }
  }

  /**
   * The asynchronous form of {@link #get}: for methods that return {@code CompletableFuture} or
   * {@code CompletionStage}. The value the stage completes with is what is cached; a failed stage
   * is not cached. Concurrent callers of one key share one load, and each gets its own future, so
   * no caller can cancel or complete another's.
   */
  public CompletableFuture<V> getAsync(Object localKey, String sharedKey, AsyncLoader<V> loader) {
    if (definition.stampede() == StampedePolicy.NONE) {
      return loadThroughTiersAsync(localKey, sharedKey, loader).thenApply(CacheEntry::value);
    }
    CompletableFuture<CacheEntry<V>> ours = new CompletableFuture<>();
    CompletableFuture<CacheEntry<V>> theirs = inFlight.putIfAbsent(localKey, ours);
    if (theirs != null) {
      return theirs.thenApply(CacheEntry::value);
    }
    CacheEntry<V> entry = local.getIfPresent(localKey);
    CompletableFuture<CacheEntry<V>> load =
        entry != null
            ? CompletableFuture.completedFuture(entry)
            : loadThroughTiersAsync(localKey, sharedKey, loader);
    load.whenComplete(
        (loaded, failure) -> {
          inFlight.remove(localKey, ours);
          if (failure != null) {
            ours.completeExceptionally(Sneaky.unwrap(failure));
          } else {
            ours.complete(loaded);
          }
        });
    return ours.thenApply(CacheEntry::value);
  }

  /** Removes {@code localKey} from this JVM's in-process tier and {@code sharedKey} from Redis. */
  public void invalidate(Object localKey, String sharedKey) {
    local.invalidate(localKey);
    try {
      shared.delete(sharedKey);
    } catch (SharedTierException e) {
      counters.sharedErrors.increment();
    }
  }

  /** Statistics of this cache since the runtime started. */
  public CacheStats stats() {
    return counters.snapshot(definition.name(), local.estimatedSize());
  }

  private CacheEntry<V> loadThroughTiers(Object localKey, String sharedKey, Loader<V> loader)
      throws Throwable {
    CacheEntry<V> entry = readShared(sharedKey);
    if (entry != null) {
      local.put(localKey, entry);
      return entry;
    }
    long start = nanoTime.getAsLong();
    V value;
    try {
      value = loader.load();
    } catch (Throwable failure) {
      counters.loadFailures.increment();
      counters.loadNanos.add(nanoTime.getAsLong() - start);
      throw failure;
    }
    entry = loaded(value, start);
    store(localKey, sharedKey, entry);
    return entry;
  }

  private CompletableFuture<CacheEntry<V>> loadThroughTiersAsync(
      Object localKey, String sharedKey, AsyncLoader<V> loader) {
    CompletableFuture<CacheEntry<V>> sharedRead =
        shared.isPresent()
            ? CompletableFuture.supplyAsync(() -> readShared(sharedKey), executor)
            : CompletableFuture.completedFuture(null);
    return sharedRead.thenCompose(
        hit -> {
          if (hit != null) {
            local.put(localKey, hit);
            return CompletableFuture.completedFuture(hit);
          }
          long start = nanoTime.getAsLong();
          CompletionStage<V> stage;
          try {
            stage = loader.load();
            if (stage == null) {
              throw new NullPointerException(
                  "the delegate of cache " + definition.name() + " returned a null future");
            }
          } catch (Throwable failure) {
            counters.loadFailures.increment();
            return CompletableFuture.failedFuture(failure);
          }
          return stage
              .toCompletableFuture()
              .handle(
                  (value, failure) -> {
                    if (failure != null) {
                      counters.loadFailures.increment();
                      counters.loadNanos.add(nanoTime.getAsLong() - start);
                      throw new CompletionException(Sneaky.unwrap(failure));
                    }
                    CacheEntry<V> entry = loaded(value, start);
                    if (value != null || definition.cacheNulls()) {
                      local.put(localKey, entry);
                      if (shared.isPresent()) {
                        executor.execute(() -> writeShared(sharedKey, entry));
                      }
                    }
                    return entry;
                  });
        });
  }

  private CacheEntry<V> loaded(V value, long startNanos) {
    long loadNanos = nanoTime.getAsLong() - startNanos;
    counters.loads.increment();
    counters.loadNanos.add(loadNanos);
    return new CacheEntry<>(value, clock.millis(), loadNanos);
  }

  private void store(Object localKey, String sharedKey, CacheEntry<V> entry) {
    if (entry.value() == null && !definition.cacheNulls()) {
      return;
    }
    local.put(localKey, entry);
    writeShared(sharedKey, entry);
  }

  private CacheEntry<V> readShared(String sharedKey) {
    if (!shared.isPresent()) {
      return null;
    }
    byte[] bytes;
    try {
      bytes =
          definition.sliding() ? shared.getAndExpire(sharedKey, ttlMillis) : shared.get(sharedKey);
    } catch (SharedTierException e) {
      counters.sharedErrors.increment();
      counters.sharedMisses.increment();
      return null;
    }
    if (bytes == null) {
      counters.sharedMisses.increment();
      return null;
    }
    try {
      CacheEntry<V> entry = EntryFormat.decode(bytes, codec);
      counters.sharedHits.increment();
      return entry;
    } catch (Exception e) {
      // Another shape, another writer or plain garbage: a miss; the load that follows overwrites
      // it.
      counters.sharedErrors.increment();
      counters.sharedMisses.increment();
      if (decodeFailureLogged.compareAndSet(false, true)) {
        log.warn(
            "cache {}: cannot decode the entry at {} as {}; treating it as a miss and overwriting"
                + " it (further decode failures of this cache are logged at debug): {}",
            definition.name(),
            sharedKey,
            definition.valueType().getTypeName(),
            e.toString());
      } else {
        log.debug("cache {}: cannot decode the entry at {}", definition.name(), sharedKey, e);
      }
      return null;
    }
  }

  private void writeShared(String sharedKey, CacheEntry<V> entry) {
    if (!shared.isPresent()) {
      return;
    }
    byte[] bytes;
    try {
      bytes = EntryFormat.encode(entry, codec);
    } catch (Exception e) {
      counters.sharedErrors.increment();
      if (encodeFailureLogged.compareAndSet(false, true)) {
        log.warn(
            "cache {}: cannot encode a {} for the shared tier; it stays in the local tier only: {}",
            definition.name(),
            definition.valueType().getTypeName(),
            e.toString());
      }
      return;
    }
    try {
      shared.set(sharedKey, bytes, jittered(ttlMillis));
    } catch (SharedTierException e) {
      counters.sharedErrors.increment();
    }
  }

  /** The ttl shortened by up to 10%, so entries written together do not expire together. */
  static long jittered(long ttlMillis) {
    long spread = ttlMillis / 10;
    return spread == 0 ? ttlMillis : ttlMillis - ThreadLocalRandom.current().nextLong(spread + 1);
  }

  private static <V> CacheEntry<V> await(CompletableFuture<CacheEntry<V>> load) {
    try {
      return load.join();
    } catch (CompletionException e) {
      throw Sneaky.rethrow(e.getCause());
    }
  }
}
