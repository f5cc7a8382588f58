package dev.cachegen.spring.boot;

import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.runtime.RuntimeStats;
import dev.cachegen.runtime.WriteBehindStats;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code cachegen} health component: whether the shared tier answers (false while the circuit
 * breaker is open), whether it refuses writes, invalidation events received and in-process tier
 * resets, and per write-behind queue its depth, lag and dead letters. cachegen fails open, so an
 * unreachable Redis is UP with {@code sharedTierAvailable: false} unless {@code
 * cachegen.health.shared-tier-required=true}; dead letters never make it DOWN, they are for an
 * operator to replay through {@code /actuator/cachegen}.
 */
public final class CachegenHealthIndicator implements HealthIndicator {
  private final CacheRuntime runtime;
  private final boolean sharedTierRequired;

  CachegenHealthIndicator(CacheRuntime runtime, boolean sharedTierRequired) {
    this.runtime = runtime;
    this.sharedTierRequired = sharedTierRequired;
  }

  @Override
  public Health health() {
    RuntimeStats stats = runtime.stats();
    boolean hasSharedTier = !"none".equals(stats.sharedTier());
    Health.Builder health =
        hasSharedTier && sharedTierRequired && !stats.sharedTierAvailable()
            ? Health.down()
            : Health.up();
    health
        .withDetail("sharedTier", stats.sharedTier())
        .withDetail("sharedTierAvailable", stats.sharedTierAvailable())
        .withDetail("circuit", hasSharedTier && !stats.sharedTierAvailable() ? "open" : "closed")
        .withDetail("sharedTierRefusesWrites", stats.sharedTierRefusesWrites())
        .withDetail("eventsReceived", stats.eventsReceived())
        .withDetail("localTierResets", stats.localTierResets())
        .withDetail("caches", stats.caches().size());
    Map<String, Object> queues = new LinkedHashMap<>();
    for (WriteBehindStats queue : stats.writeBehind().values()) {
      queues.put(
          queue.name(),
          Map.of(
              "durable", queue.durable(),
              "depth", queue.depth(),
              "lagMillis", queue.lagMillis(),
              "deadLettered", queue.deadLettered()));
    }
    health.withDetail("writeBehind", queues);
    return health.build();
  }
}
