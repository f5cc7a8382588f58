package dev.cachegen.runtime.metrics;

import dev.cachegen.runtime.CacheStats;
import dev.cachegen.runtime.WriteBehindStats;
import dev.cachegen.runtime.shared.Coherence;
import dev.cachegen.runtime.shared.SharedTier;
import dev.cachegen.runtime.tier.TieredCache;
import dev.cachegen.runtime.writebehind.WriteBehindBackend;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Publishes a runtime's statistics to Micrometer. Per cache, the meters follow Micrometer's own
 * cache binders, so dashboards made for Caffeine or JCache caches work unchanged:
 *
 * <ul>
 *   <li>{@code cache.gets{cache, result=hit|miss}}: calls answered by either tier, and calls that
 *       went to the delegate;
 *   <li>{@code cache.puts{cache}}: values stored (loads and writes); {@code
 *       cache.evictions{cache}}: explicit invalidations; {@code cache.size{cache}}: entries in the
 *       in-process tier;
 *   <li>{@code cache.load{cache, result=success|failure}} and {@code cache.load.duration{cache}}.
 * </ul>
 *
 * <p>cachegen's own, per tier and per runtime: {@code cachegen.tier.gets{cache, tier=local|shared,
 * result=hit|miss}}, {@code cachegen.tier.errors{cache, tier=shared}} (timeouts, refused calls,
 * calls skipped while the breaker is open, undecodable entries), {@code cachegen.shared.available}
 * (1 or 0: whether Redis is in use or the runtime is failing open), {@code
 * cachegen.events.received}, {@code cachegen.local.resets}, {@code cachegen.stampede{cache,
 * event=lock|wait}}, {@code cachegen.refresh{cache}}, {@code cachegen.stale{cache,
 * reason=revalidate|error}}, and per write-behind queue {@code cachegen.writebehind.calls{queue,
 * outcome=enqueued|applied|retried|dead|coalesced|synchronous}}, {@code
 * cachegen.writebehind.depth{queue}} and {@code cachegen.writebehind.lag{queue}}.
 *
 * <p>All are function meters over the runtime's own counters: the hot path does not change when
 * metrics are on.
 */
public final class MicrometerBinding implements RuntimeObserver {
  private final MeterRegistry registry;

  public MicrometerBinding(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void runtimeStarted(SharedTier shared, Coherence coherence) {
    Gauge.builder("cachegen.shared.available", shared, tier -> tier.isAvailable() ? 1 : 0)
        .description("1 while the shared tier (Redis) is in use, 0 while failing open or absent")
        .register(registry);
    Gauge.builder(
            "cachegen.shared.misconfigured",
            shared,
            tier -> tier.configurationProblem() != null ? 1 : 0)
        .description("1 while the shared tier rejects cachegen's credentials, commands or TLS")
        .register(registry);
    Gauge.builder("cachegen.shared.writes.refused", shared, tier -> tier.refusesWrites() ? 1 : 0)
        .description("1 while the shared tier answers reads but refuses writes (out of memory)")
        .register(registry);
    FunctionCounter.builder("cachegen.events.received", coherence, Coherence::eventsReceived)
        .description("Invalidation events from other runtimes applied to the in-process tier")
        .register(registry);
    FunctionCounter.builder("cachegen.events.gaps", coherence, Coherence::gaps)
        .description(
            "Missed events noticed by their sequence numbers; the caches they touched dropped")
        .register(registry);
    FunctionCounter.builder("cachegen.local.resets", coherence, Coherence::resets)
        .description("Times the in-process tier was dropped because events may have been missed")
        .register(registry);
  }

  @Override
  public void cacheCreated(TieredCache<?> cache) {
    Tags tags = Tags.of("cache", cache.definition().name());
    counter(
        "cache.gets",
        cache,
        tags.and("result", "hit"),
        s -> s.local().hits() + s.shared().hits(),
        "Calls answered by the in-process or the shared tier");
    counter(
        "cache.gets",
        cache,
        tags.and("result", "miss"),
        s -> Math.max(0, s.local().misses() - s.shared().hits()),
        "Calls that neither tier could answer");
    counter("cache.puts", cache, tags, s -> s.loads() + s.puts(), "Values stored in the cache");
    counter("cache.evictions", cache, tags, CacheStats::evictions, "Explicit invalidations");
    Gauge.builder("cache.size", cache, c -> c.stats().localSize())
        .tags(tags)
        .description("Entries in the in-process tier (approximate)")
        .register(registry);
    counter(
        "cache.load",
        cache,
        tags.and("result", "success"),
        CacheStats::loads,
        "Delegate calls that returned");
    counter(
        "cache.load",
        cache,
        tags.and("result", "failure"),
        CacheStats::loadFailures,
        "Delegate calls that threw");
    TimeGauge.builder(
            "cache.load.duration", cache, TimeUnit.NANOSECONDS, c -> c.stats().totalLoadNanos())
        .tags(tags)
        .description("Time spent in delegate calls")
        .register(registry);
    counter(
        "cachegen.tier.gets",
        cache,
        tags.and("tier", "local").and("result", "hit"),
        s -> s.local().hits(),
        "In-process tier reads");
    counter(
        "cachegen.tier.gets",
        cache,
        tags.and("tier", "local").and("result", "miss"),
        s -> s.local().misses(),
        "In-process tier reads");
    counter(
        "cachegen.tier.gets",
        cache,
        tags.and("tier", "shared").and("result", "hit"),
        s -> s.shared().hits(),
        "Shared tier reads");
    counter(
        "cachegen.tier.gets",
        cache,
        tags.and("tier", "shared").and("result", "miss"),
        s -> s.shared().misses(),
        "Shared tier reads");
    counter(
        "cachegen.stampede",
        cache,
        tags.and("event", "lock"),
        CacheStats::lockAcquisitions,
        "Stampede locks taken: this runtime loaded for every JVM");
    counter(
        "cachegen.stampede",
        cache,
        tags.and("event", "wait"),
        CacheStats::lockWaits,
        "Misses that waited for another JVM's load instead of loading");
    counter(
        "cachegen.refresh",
        cache,
        tags.and("kind", "early"),
        CacheStats::earlyRefreshes,
        "Background reloads (early refresh or stale-while-revalidate)");
    counter(
        "cachegen.stale",
        cache,
        tags.and("reason", "revalidate"),
        CacheStats::staleServed,
        "Stale values served while a reload ran (stale-while-revalidate)");
    counter(
        "cachegen.stale",
        cache,
        tags.and("reason", "error"),
        CacheStats::staleOnError,
        "Stale values served because the delegate failed (stale-if-error)");
    counter(
        "cachegen.tier.errors",
        cache,
        tags.and("tier", "shared"),
        s -> s.shared().errors(),
        "Failed or skipped shared tier calls and undecodable entries");
  }

  @Override
  public void writeBehindCreated(WriteBehindBackend<?> queue) {
    Tags tags = Tags.of("queue", queue.name());
    queueCounter(queue, tags, "enqueued", WriteBehindStats::enqueued);
    queueCounter(queue, tags, "applied", WriteBehindStats::applied);
    queueCounter(queue, tags, "retried", WriteBehindStats::retries);
    queueCounter(queue, tags, "dead", WriteBehindStats::deadLettered);
    queueCounter(queue, tags, "coalesced", WriteBehindStats::coalesced);
    queueCounter(queue, tags, "synchronous", WriteBehindStats::appliedSynchronously);
    Gauge.builder("cachegen.writebehind.depth", queue, WriteBehindBackend::depth)
        .tags(tags)
        .description("Calls waiting to be applied")
        .register(registry);
    TimeGauge.builder(
            "cachegen.writebehind.lag", queue, TimeUnit.MILLISECONDS, WriteBehindBackend::lagMillis)
        .tags(tags)
        .description("Age of the oldest waiting call")
        .register(registry);
  }

  private void counter(
      String name,
      TieredCache<?> cache,
      Tags tags,
      ToDoubleFunction<CacheStats> value,
      String description) {
    FunctionCounter.builder(name, cache, c -> value.applyAsDouble(c.stats()))
        .tags(tags)
        .description(description)
        .register(registry);
  }

  private void queueCounter(
      WriteBehindBackend<?> queue,
      Tags tags,
      String outcome,
      ToDoubleFunction<WriteBehindStats> value) {
    FunctionCounter.builder(
            "cachegen.writebehind.calls", queue, q -> value.applyAsDouble(q.counts()))
        .tags(tags.and("outcome", outcome))
        .description("Write-behind calls by outcome")
        .register(registry);
  }
}
