package dev.cachegen.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.runtime.KeyInspection;
import dev.cachegen.testing.Await;
import dev.cachegen.testing.RedisExtension;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.RedisClient;

/**
 * One application against a real Redis, over real HTTP: the runtime configured from {@code
 * spring.data.redis.url} and {@code cachegen.*}, a bean decorated and another opted out, the
 * application's {@code MeterRegistry} bound, {@code /actuator/cachegen} and {@code
 * /actuator/health}.
 */
@SpringBootTest(
    classes = TestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "management.endpoints.web.exposure.include=health,cachegen",
      "management.endpoint.health.show-details=always",
      "cachegen.local-maximum-size=500",
      "cachegen.circuit-breaker.failures=5"
    })
class StarterTest {
  @RegisterExtension static final RedisExtension redis = RedisExtension.perClass();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** The application's key prefix: one per JVM, as the extension's are per test method. */
  private static final String PREFIX = "starter-" + ProcessHandle.current().pid();

  @DynamicPropertySource
  static void redis(DynamicPropertyRegistry registry) {
    registry.add("spring.data.redis.url", redis::uri);
    registry.add("cachegen.key-prefix", () -> PREFIX);
  }

  @Autowired
  @Qualifier("catalog")
  Catalog catalog;

  @Autowired
  @Qualifier("plainCatalog")
  Catalog plainCatalog;

  @Autowired TestApplication.Implementations implementations;
  @Autowired CacheRuntime runtime;
  @Autowired MeterRegistry meters;
  @Autowired DecoratingPostProcessor decorating;
  @LocalServerPort int port;

  @Test
  void aBeanIsDecoratedAndAnotherOptedOut() {
    assertEquals("dev.cachegen.spring.boot.CachedCatalog", catalog.getClass().getName());
    assertEquals("item 1 #1", catalog.name(1));
    assertEquals("item 1 #1", catalog.name(1));
    assertEquals(1, implementations.catalog.calls.get());

    assertSame(implementations.plainCatalog, plainCatalog);
    assertEquals("item 1 #1", plainCatalog.name(1));
    assertEquals("item 1 #2", plainCatalog.name(1));
    assertEquals(List.of("catalog (Catalog)", "ledger (Ledger)"), decorating.decorated());
  }

  @Test
  void theRuntimeUsesBootsRedisPropertiesAndTheKeyPrefix() {
    assertTrue(runtime.stats().sharedTier().contains(":" + redis.port()), runtime.toString());
    catalog.name(2);
    try (RedisClient client = RedisClient.create(redis.uri())) {
      assertFalse(
          client.keys(PREFIX + ":{catalog.names:*").isEmpty(),
          "the entry is in Redis under the configured prefix");
    }
  }

  @Test
  void theApplicationsMeterRegistryIsBound() {
    catalog.name(3);
    assertTrue(
        meters.getMeters().stream().anyMatch(m -> m.getId().getName().startsWith("cachegen.")),
        "cachegen meters in the application's registry");
  }

  @Test
  void theEndpointListsCachesAndHealthReportsTheSharedTier() throws Exception {
    catalog.name(4);
    HttpResponse<String> caches = get("/actuator/cachegen");
    assertEquals(200, caches.statusCode(), caches.body());
    assertTrue(caches.body().contains("\"catalog.names\""), caches.body());
    assertTrue(caches.body().contains("\"ttl\":\"PT10M\""), caches.body());
    assertTrue(caches.body().contains("\"ledger.balances\""), caches.body());

    HttpResponse<String> one = get("/actuator/cachegen/catalog.names");
    assertEquals(200, one.statusCode(), one.body());
    assertTrue(one.body().contains("\"loads\""), one.body());
    assertEquals(404, get("/actuator/cachegen/no.such.cache").statusCode());

    HttpResponse<String> health = get("/actuator/health");
    assertEquals(200, health.statusCode(), health.body());
    JsonNode cachegen =
        new ObjectMapper().readTree(health.body()).path("components").path("cachegen");
    assertEquals("UP", cachegen.path("status").asText(), health.body());
    assertTrue(cachegen.path("details").path("sharedTierAvailable").asBoolean(), health.body());
    assertEquals("closed", cachegen.path("details").path("circuit").asText(), health.body());
    assertEquals(
        0,
        cachegen
            .path("details")
            .path("writeBehind")
            .path("Ledger.record")
            .path("deadLettered")
            .asInt(-1),
        health.body());
  }

  @Test
  void theEndpointShowsOneKeyInBothTiers() throws Exception {
    // The runtime drops its in-process tier once its event subscription is in place: after that.
    Await.until("the runtime subscribes to events", () -> runtime.stats().localTierResets() >= 1);
    Await.until(
        "name(5) in both tiers",
        () -> {
          catalog.name(5);
          KeyInspection held = runtime.inspect("catalog.names", "[5]");
          return held.local().present() && held.shared().present();
        });
    JsonNode key = new ObjectMapper().readTree(get(keyPath("catalog.names", "[5]")).body());
    assertEquals(
        PREFIX + ":{catalog.names:", key.path("key").asText().substring(0, PREFIX.length() + 16));
    for (String tier : List.of("local", "shared")) {
      JsonNode entry = key.path(tier);
      assertTrue(entry.path("present").asBoolean(), key.toString());
      assertEquals("[\"item:[5]\"]", entry.path("tags").toString(), key.toString());
      assertTrue(entry.path("sizeBytes").asLong() > 0, key.toString());
      assertTrue(entry.path("timeToLive").asText().startsWith("PT"), key.toString());
    }
    JsonNode absent = new ObjectMapper().readTree(get(keyPath("catalog.names", "[55]")).body());
    assertFalse(absent.path("local").path("present").asBoolean(true), absent.toString());
    assertFalse(absent.path("shared").path("present").asBoolean(true), absent.toString());

    HttpResponse<String> unparsable = get(keyPath("catalog.names", "[5"));
    assertEquals(400, unparsable.statusCode(), unparsable.body());
    assertTrue(unparsable.body().contains("does not parse: 1 [ left open"), unparsable.body());
    HttpResponse<String> unknown = get(keyPath("no.such.cache", "[5]"));
    assertEquals(404, unknown.statusCode(), unknown.body());
    assertTrue(unknown.body().contains("known: ["), unknown.body());
  }

  /** {@code /actuator/cachegen/{cache}?key=...}, the key percent-encoded. */
  static String keyPath(String cache, String key) {
    return "/actuator/cachegen/"
        + cache
        + "?key="
        + java.net.URLEncoder.encode(key, java.nio.charset.StandardCharsets.UTF_8);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
