package dev.cachegen.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.testing.Await;
import dev.cachegen.testing.RedisExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * cachegen's caches in Boot's {@code /actuator/caches}, over real HTTP, in an application that also
 * uses Spring's own caching: listed under {@code cachegenCacheManager} and cleared through it,
 * while Boot still configures the application's own {@code CacheManager} for {@code @Cacheable}.
 */
class CachesEndpointTest {
  @RegisterExtension static final RedisExtension redis = RedisExtension.perClass();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** An application that caches with Spring too. */
  @Configuration(proxyBeanMethods = false)
  @EnableCaching
  static class SpringCaching {}

  @Test
  void cachegensCachesAreListedAndClearedNextToSpringsOwn() throws Exception {
    try (ConfigurableApplicationContext app =
        new SpringApplicationBuilder(TestApplication.class, SpringCaching.class)
            .properties(
                "server.port=0",
                "management.endpoints.web.exposure.include=caches",
                "spring.data.redis.url=" + redis.uri(),
                "cachegen.key-prefix=" + redis.keyPrefix())
            .run()) {
      assertInstanceOf(
          CaffeineCacheManager.class,
          app.getBean(CacheManager.class),
          "Boot's cache auto-configuration still gives @Cacheable its manager");
      CacheRuntime runtime = app.getBean(CacheRuntime.class);
      // The runtime drops its in-process tier once its event subscription is in place: after that.
      Await.until("the runtime subscribes", () -> runtime.stats().localTierResets() >= 1);
      Catalog catalog = app.getBean("catalog", Catalog.class);
      TestApplication.CountingCatalog implementation =
          app.getBean(TestApplication.Implementations.class).catalog;
      assertEquals("item 3 #1", catalog.name(3));

      HttpResponse<String> caches = send(app, "GET", "/actuator/caches");
      assertEquals(200, caches.statusCode(), caches.body());
      JsonNode listed =
          new ObjectMapper()
              .readTree(caches.body())
              .path("cacheManagers")
              .path("cachegenCacheManager")
              .path("caches");
      assertEquals(
          "dev.cachegen.runtime.tier.TieredCache",
          listed.path("catalog.names").path("target").asText(),
          caches.body());
      assertTrue(listed.has("ledger.balances"), caches.body());

      HttpResponse<String> cleared = send(app, "DELETE", "/actuator/caches/catalog.names");
      assertEquals(204, cleared.statusCode(), cleared.body());
      assertEquals("item 3 #2", catalog.name(3), "cleared: the next call loads");
      assertEquals(2, implementation.calls.get());

      org.springframework.cache.Cache view =
          app.getBean("cachegenCacheManager", CacheManager.class).getCache("catalog.names");
      view.evict("[3]");
      assertEquals("item 3 #3", catalog.name(3), "evicted by key text");
      UnsupportedOperationException get =
          assertThrows(UnsupportedOperationException.class, () -> view.get("[3]"));
      assertTrue(get.getMessage().contains("generated decorators"), get.getMessage());
      assertThrows(IllegalArgumentException.class, () -> view.evict(3L));
      assertEquals(404, send(app, "DELETE", "/actuator/caches/no.such.cache").statusCode());
    }
  }

  private static HttpResponse<String> send(
      ConfigurableApplicationContext app, String method, String path) throws Exception {
    String port = app.getEnvironment().getProperty("local.server.port");
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
