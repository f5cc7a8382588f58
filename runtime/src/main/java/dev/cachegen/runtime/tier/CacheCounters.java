package dev.cachegen.runtime.tier;

import dev.cachegen.runtime.CacheStats;
import dev.cachegen.runtime.TierStats;
import java.util.concurrent.atomic.LongAdder;

/** The live counters behind {@link CacheStats}; adders, so hot paths do not contend. */
final class CacheCounters {
  final LongAdder localHits = new LongAdder();
  final LongAdder localMisses = new LongAdder();
  final LongAdder sharedHits = new LongAdder();
  final LongAdder sharedMisses = new LongAdder();
  final LongAdder sharedErrors = new LongAdder();
  final LongAdder loads = new LongAdder();
  final LongAdder loadFailures = new LongAdder();
  final LongAdder loadNanos = new LongAdder();
  final LongAdder puts = new LongAdder();
  final LongAdder evictions = new LongAdder();
  final LongAdder lockAcquisitions = new LongAdder();
  final LongAdder lockWaits = new LongAdder();
  final LongAdder earlyRefreshes = new LongAdder();
  final LongAdder staleServed = new LongAdder();
  final LongAdder staleOnError = new LongAdder();
  final LongAdder oversized = new LongAdder();

  CacheStats snapshot(String name, long localSize) {
    return new CacheStats(
        name,
        new TierStats(localHits.sum(), localMisses.sum(), 0),
        new TierStats(sharedHits.sum(), sharedMisses.sum(), sharedErrors.sum()),
        loads.sum(),
        loadFailures.sum(),
        loadNanos.sum(),
        puts.sum(),
        evictions.sum(),
        localSize,
        lockAcquisitions.sum(),
        lockWaits.sum(),
        earlyRefreshes.sum(),
        staleServed.sum(),
        staleOnError.sum(),
        oversized.sum());
  }
}
