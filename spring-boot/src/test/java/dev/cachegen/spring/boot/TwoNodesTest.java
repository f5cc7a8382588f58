package dev.cachegen.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cachegen.testing.Await;
import dev.cachegen.testing.RedisExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two applications on one Redis and key prefix, as two nodes of a service: an eviction through one
 * node's {@code /actuator/cachegen} over HTTP (of one key, a whole cache, or a tag) drops the entry
 * from the other node's in-process tier.
 */
class TwoNodesTest {
  @RegisterExtension static final RedisExtension redis = RedisExtension.perClass();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void evictingACacheOrATagOnOneNodeReachesTheOthersInProcessTier() throws Exception {
    String[] shared = {
      "spring.data.redis.url=" + redis.uri(), "cachegen.key-prefix=" + redis.keyPrefix()
    };
    try (ConfigurableApplicationContext a = Apps.web(shared);
        ConfigurableApplicationContext b = Apps.web(shared)) {
      Catalog catalogB = b.getBean("catalog", Catalog.class);
      TestApplication.CountingCatalog implementationB =
          b.getBean(TestApplication.Implementations.class).catalog;
      assertEquals("item 7 #1", catalogB.name(7));
      assertEquals("item 7 #1", catalogB.name(7), "from B's in-process tier");

      HttpResponse<String> key =
          send(a, "DELETE", StarterTest.keyPath("catalog.names", "[7]"), null);
      assertEquals(200, key.statusCode(), key.body());
      Await.until("B reloads after A's key eviction", () -> catalogB.name(7).equals("item 7 #2"));
      assertEquals(
          400, send(a, "DELETE", StarterTest.keyPath("catalog.names", "7]"), null).statusCode());

      HttpResponse<String> evicted = send(a, "DELETE", "/actuator/cachegen/catalog.names", null);
      assertEquals(200, evicted.statusCode(), evicted.body());
      Await.until("B reloads after A's eviction", () -> catalogB.name(7).equals("item 7 #3"));
      assertEquals(3, implementationB.calls.get());

      HttpResponse<String> tag = send(a, "POST", "/actuator/cachegen", "{\"tag\":\"item:[7]\"}");
      assertEquals(200, tag.statusCode(), tag.body());
      Await.until(
          "B reloads after A's tag invalidation", () -> catalogB.name(7).equals("item 7 #4"));

      HttpResponse<String> unknown = send(a, "DELETE", "/actuator/cachegen/no.such.cache", null);
      assertEquals(404, unknown.statusCode(), unknown.body());
      assertEquals(400, send(a, "POST", "/actuator/cachegen", "{}").statusCode());
      HttpResponse<String> replay =
          send(a, "POST", "/actuator/cachegen", "{\"replayDeadLetters\":\"Ledger.record\"}");
      assertEquals(200, replay.statusCode(), replay.body());
      assertEquals(
          "{\"deadLetters\":0,\"queue\":\"Ledger.record\",\"replayed\":0}",
          new com.fasterxml.jackson.databind.ObjectMapper()
              .configure(
                  com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS,
                  true)
              .writeValueAsString(
                  new com.fasterxml.jackson.databind.ObjectMapper()
                      .readValue(replay.body(), java.util.Map.class)));
      assertEquals(
          400,
          send(a, "POST", "/actuator/cachegen", "{\"replayDeadLetters\":\"nope\"}").statusCode());
    }
  }

  private static HttpResponse<String> send(
      ConfigurableApplicationContext app, String method, String path, String json)
      throws Exception {
    String port = app.getEnvironment().getProperty("local.server.port");
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
