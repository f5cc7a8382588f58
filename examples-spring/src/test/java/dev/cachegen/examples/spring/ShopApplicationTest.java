package dev.cachegen.examples.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachegen.testing.RedisExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The example service over HTTP, with Redis: a repeated lookup does not reach the database, a
 * product carries an {@code ETag} that answers 304, and {@code /actuator/cachegen} shows its key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ShopApplicationTest {
  @RegisterExtension static final RedisExtension redis = RedisExtension.perClass();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void redis(DynamicPropertyRegistry registry) {
    registry.add("spring.data.redis.url", redis::uri);
    registry.add("cachegen.key-prefix", () -> "shop-" + ProcessHandle.current().pid());
  }

  @LocalServerPort int port;

  @Test
  void lookupsAreCachedAndARenameIsSeen() throws Exception {
    assertTrue(send("GET", "/stats").contains("CachedProductService"));
    String first = send("GET", "/products/42");
    assertEquals("{\"id\":42,\"name\":\"Grinder\",\"priceCents\":8900}", first);
    assertEquals(first, send("GET", "/products/42"));
    assertTrue(send("GET", "/stats").contains("\"queries\":1"), "the second lookup was cached");

    assertTrue(send("PUT", "/products/42?name=Burr%20grinder").contains("Burr grinder"));
    assertTrue(send("GET", "/products/42").contains("Burr grinder"));

    HttpResponse<String> product = get("/products/42");
    String etag = product.headers().firstValue("ETag").orElseThrow();
    assertEquals("public, max-age=30", product.headers().firstValue("Cache-Control").orElse(null));
    HttpResponse<String> notModified =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/products/42"))
                .header("If-None-Match", etag)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(304, notModified.statusCode());

    String key = send("GET", "/actuator/cachegen/products?key=%5B42%5D");
    assertTrue(key.contains("\"present\":true"), key);

    String cache = send("GET", "/actuator/cachegen/products");
    assertTrue(cache.contains("\"loads\":2"), cache);
    assertTrue(send("GET", "/actuator/health").contains("\"sharedTierAvailable\":true"));
    assertTrue(send("GET", "/actuator/metrics").contains("cachegen."));
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String send(String method, String path) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), method + " " + path + ": " + response.body());
    return response.body();
  }
}
