package dev.cachegen.spring.boot;

import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.runtime.CacheStats;
import dev.cachegen.runtime.DeadLetter;
import dev.cachegen.runtime.KeyInspection;
import dev.cachegen.runtime.RuntimeStats;
import dev.cachegen.runtime.internal.CacheDefinition;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * {@code /actuator/cachegen}: the runtime's caches with their settings and statistics, and the
 * operations an operator needs, each backed by the runtime's API:
 *
 * <ul>
 *   <li>{@code GET /actuator/cachegen}: the runtime, every cache, every write-behind queue;
 *   <li>{@code GET /actuator/cachegen/{cache}}: one cache;
 *   <li>{@code GET /actuator/cachegen/{cache}?key=[7]}: one key in both tiers (present, remaining
 *       time to live, tags, size in bytes), as {@link CacheRuntime#inspect} reads it;
 *   <li>{@code DELETE /actuator/cachegen/{cache}}: drops every entry of the cache on every node
 *       (advances its generation, which every runtime on the same Redis and prefix hears of);
 *   <li>{@code DELETE /actuator/cachegen/{cache}?key=[7]}: drops one key from both tiers on every
 *       node;
 *   <li>{@code POST /actuator/cachegen} with {@code {"tag": "owner:[7]"}} (a tag as
 *       {@code @Cached(tags = "owner:{id}")} builds it for 7): invalidates it on every node; with
 *       {@code {"replayDeadLetters": "ItemService.save"}}: queues that queue's dead letters again.
 * </ul>
 *
 * <p>A key is written as it follows the cache's namespace in Redis, each value in square brackets:
 * {@code [7]} for {@code name(7)}, {@code user:[42]} for {@code key = "user:{id}"}, {@code [a][1]}
 * for two values (see {@link CacheRuntime#inspect}). Percent-encode it in the query, since servers
 * refuse raw brackets there: {@code curl -G --data-urlencode 'key=[7]' .../cachegen/catalog.names}.
 * An unknown cache answers 404, a key that does not parse 400, each with the reason.
 */
@Endpoint(id = "cachegen")
public final class CachegenEndpoint {
  private final CacheRuntime runtime;

  CachegenEndpoint(CacheRuntime runtime) {
    this.runtime = runtime;
  }

  /** The runtime, its caches and its write-behind queues. */
  @ReadOperation
  public Map<String, Object> caches() {
    RuntimeStats stats = runtime.stats();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("sharedTier", stats.sharedTier());
    body.put("sharedTierAvailable", stats.sharedTierAvailable());
    body.put("sharedTierRefusesWrites", stats.sharedTierRefusesWrites());
    body.put("eventsReceived", stats.eventsReceived());
    body.put("localTierResets", stats.localTierResets());
    Map<String, Object> caches = new LinkedHashMap<>();
    for (CacheDefinition<?> definition : runtime.cacheDefinitions()) {
      caches.put(definition.name(), describe(definition, stats.caches().get(definition.name())));
    }
    body.put("caches", caches);
    body.put("writeBehind", stats.writeBehind());
    return body;
  }

  /**
   * One cache's settings and statistics, or with {@code key} what both tiers hold for that key; 404
   * when no cache has that name.
   */
  @ReadOperation
  public WebEndpointResponse<Map<String, Object>> cache(
      @Selector String name, @Nullable String key) {
    if (key != null) {
      return answer(() -> inspection(runtime.inspect(name, key)));
    }
    return definition(name)
        .map(d -> new WebEndpointResponse<>(describe(d, runtime.stats().caches().get(name))))
        .orElseGet(() -> noCache(name));
  }

  /**
   * Drops every entry of cache {@code name}, or with {@code key} that key only, from both tiers on
   * every node; 404 when there is no such cache.
   */
  @DeleteOperation
  public WebEndpointResponse<Map<String, Object>> evict(
      @Selector String name, @Nullable String key) {
    if (key != null) {
      return answer(
          () -> {
            runtime.evict(name, key);
            return Map.of("cache", name, "evictedKey", key);
          });
    }
    Optional<CacheDefinition<?>> definition = definition(name);
    if (definition.isEmpty()) {
      return noCache(name);
    }
    runtime.cache(definition.get()).invalidateAll();
    return new WebEndpointResponse<>(Map.of("evicted", name));
  }

  /**
   * Invalidates {@code tag} on every node, or replays the dead letters of write-behind queue {@code
   * replayDeadLetters}; give one of them.
   */
  @WriteOperation
  public WebEndpointResponse<Map<String, Object>> operate(
      @Nullable String tag, @Nullable String replayDeadLetters) {
    if ((tag == null) == (replayDeadLetters == null)) {
      return badRequest("give either \"tag\" or \"replayDeadLetters\"");
    }
    if (tag != null) {
      runtime.invalidateTags(tag);
      return new WebEndpointResponse<>(Map.of("invalidatedTag", tag));
    }
    List<DeadLetter> letters;
    int replayed;
    try {
      letters = runtime.deadLetters(replayDeadLetters);
      replayed = runtime.replayDeadLetters(replayDeadLetters);
    } catch (NoSuchElementException e) {
      return badRequest(e.getMessage());
    }
    return new WebEndpointResponse<>(
        Map.of("queue", replayDeadLetters, "deadLetters", letters.size(), "replayed", replayed));
  }

  /**
   * The body {@code operation} returns; 404 for an unknown cache, 400 for a key that does not
   * parse.
   */
  private static WebEndpointResponse<Map<String, Object>> answer(
      Supplier<Map<String, Object>> operation) {
    try {
      return new WebEndpointResponse<>(operation.get());
    } catch (NoSuchElementException e) {
      return new WebEndpointResponse<>(
          Map.of("error", e.getMessage()), WebEndpointResponse.STATUS_NOT_FOUND);
    } catch (IllegalArgumentException e) {
      return badRequest(e.getMessage());
    }
  }

  private static WebEndpointResponse<Map<String, Object>> noCache(String name) {
    return new WebEndpointResponse<>(
        Map.of("error", "no cache named " + name), WebEndpointResponse.STATUS_NOT_FOUND);
  }

  private static Map<String, Object> inspection(KeyInspection inspection) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("cache", inspection.cache());
    body.put("key", inspection.key());
    body.put("local", tier(inspection.local()));
    body.put("shared", tier(inspection.shared()));
    return body;
  }

  private static Map<String, Object> tier(KeyInspection.Tier tier) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("present", tier.present());
    if (tier.timeToLive() != null) {
      body.put("timeToLive", tier.timeToLive().toString());
    }
    body.put("tags", tier.tags());
    body.put("sizeBytes", tier.sizeBytes());
    if (tier.problem() != null) {
      body.put("problem", tier.problem());
    }
    return body;
  }

  private static WebEndpointResponse<Map<String, Object>> badRequest(String reason) {
    return new WebEndpointResponse<>(
        Map.of("error", reason), WebEndpointResponse.STATUS_BAD_REQUEST);
  }

  private Optional<CacheDefinition<?>> definition(String name) {
    return runtime.cacheDefinitions().stream().filter(d -> d.name().equals(name)).findFirst();
  }

  private static Map<String, Object> describe(CacheDefinition<?> definition, CacheStats stats) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("valueType", definition.valueType().getTypeName());
    settings.put("shape", definition.shape());
    settings.put("ttl", Duration.ofNanos(definition.ttlNanos()).toString());
    settings.put("localTtl", Duration.ofNanos(definition.localTtlNanos()).toString());
    settings.put("sliding", definition.sliding());
    settings.put("cacheNulls", definition.cacheNulls());
    settings.put("stampede", definition.stampede().name());
    settings.put("earlyRefresh", definition.earlyRefresh());
    settings.put(
        "staleWhileRevalidate",
        Duration.ofNanos(definition.staleWhileRevalidateNanos()).toString());
    settings.put("staleIfError", Duration.ofNanos(definition.staleIfErrorNanos()).toString());
    Map<String, Object> cache = new LinkedHashMap<>();
    cache.put("settings", settings);
    cache.put("stats", stats);
    cache.put("hitRatio", stats == null ? 0.0 : stats.hitRatio());
    return cache;
  }
}
