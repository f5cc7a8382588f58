package dev.cachegen.spring.boot;

import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.runtime.CacheStats;
import dev.cachegen.runtime.DeadLetter;
import dev.cachegen.runtime.RuntimeStats;
import dev.cachegen.runtime.internal.CacheDefinition;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 *   <li>{@code DELETE /actuator/cachegen/{cache}}: drops every entry of the cache on every node
 *       (advances its generation, which every runtime on the same Redis and prefix hears of);
 *   <li>{@code POST /actuator/cachegen} with {@code {"tag": "owner:[7]"}} (a tag as
 *       {@code @Cached(tags = "owner:{id}")} builds it for 7): invalidates it on every node; with
 *       {@code {"replayDeadLetters": "ItemService.save"}}: queues that queue's dead letters again.
 * </ul>
 *
 * <p>Evicting or inspecting a single key is not offered: a key is built from the method's typed
 * parameters by generated code, and a string from an HTTP request cannot be mapped back to it.
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

  /** One cache's settings and statistics, or 404 when no cache has that name. */
  @ReadOperation
  public Map<String, Object> cache(@Selector String name) {
    return definition(name).map(d -> describe(d, runtime.stats().caches().get(name))).orElse(null);
  }

  /** Drops every entry of cache {@code name} on every node; 404 when there is no such cache. */
  @DeleteOperation
  public WebEndpointResponse<Map<String, Object>> evictCache(@Selector String name) {
    java.util.Optional<CacheDefinition<?>> definition = definition(name);
    if (definition.isEmpty()) {
      return new WebEndpointResponse<>(
          Map.of("error", "no cache named " + name), WebEndpointResponse.STATUS_NOT_FOUND);
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
    } catch (java.util.NoSuchElementException e) {
      return badRequest(e.getMessage());
    }
    return new WebEndpointResponse<>(
        Map.of("queue", replayDeadLetters, "deadLetters", letters.size(), "replayed", replayed));
  }

  private static WebEndpointResponse<Map<String, Object>> badRequest(String reason) {
    return new WebEndpointResponse<>(
        Map.of("error", reason), WebEndpointResponse.STATUS_BAD_REQUEST);
  }

  private java.util.Optional<CacheDefinition<?>> definition(String name) {
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
