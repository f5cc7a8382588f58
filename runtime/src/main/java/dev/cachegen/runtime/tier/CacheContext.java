package dev.cachegen.runtime.tier;

import dev.cachegen.runtime.internal.CacheDefinition;
import dev.cachegen.runtime.shared.Coherence;
import dev.cachegen.runtime.shared.KeySpace;
import dev.cachegen.runtime.shared.SharedTier;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * What every part of one cache works with: its definition and counters, and the runtime's shared
 * tier, coherence, codec, keys, clocks, executor and stampede settings. Built once per cache by
 * {@link TieredCache}, then handed to its parts.
 *
 * @param nanoTime elapsed time for load durations; the runtime's clock in tests
 * @param executor runs background refreshes and the shared-tier work of asynchronous loads
 * @param maxValueBytes the largest encoded entry written to Redis
 */
record CacheContext<V>(
    CacheDefinition<V> definition,
    CacheCounters counters,
    SharedTier shared,
    Coherence coherence,
    EntryCodec<V> codec,
    KeySpace keys,
    Clock clock,
    LongSupplier nanoTime,
    Executor executor,
    StampedeSettings stampede,
    int maxValueBytes) {

  /** The cache's name, for logs and events. */
  String name() {
    return definition.name();
  }

  /** Whether there is a shared tier (Redis) at all. */
  boolean hasSharedTier() {
    return shared.isPresent();
  }
}
