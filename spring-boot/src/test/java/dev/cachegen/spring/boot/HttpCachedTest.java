package dev.cachegen.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.testing.Await;
import dev.cachegen.testing.RedisExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A Spring MVC controller returning {@link HttpCached} values of a decorated bean, over real HTTP
 * against a real Redis: {@code Cache-Control} from {@code @CacheControl}, an {@code ETag} and a
 * {@code Last-Modified}, and {@code 304} for {@code If-None-Match} and {@code If-Modified-Since}.
 */
@SpringBootTest(
    classes = TestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HttpCachedTest {
  @RegisterExtension static final RedisExtension redis = RedisExtension.perClass();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void redis(DynamicPropertyRegistry registry) {
    registry.add("spring.data.redis.url", redis::uri);
    registry.add("cachegen.key-prefix", () -> "http-" + ProcessHandle.current().pid());
  }

  @Autowired TestApplication.Implementations implementations;
  @Autowired CacheRuntime runtime;
  @LocalServerPort int port;

  @Test
  void aCachedValueIsServedWithItsPolicyAndRevalidatedWith304s() throws Exception {
    // The runtime drops its in-process tier once its event subscription is in place: after that.
    Await.until("the runtime subscribes", () -> runtime.stats().localTierResets() >= 1);
    HttpResponse<String> ok = get("/catalog/11");
    assertEquals(200, ok.statusCode(), ok.body());
    assertEquals("\"item 11 #1\"", ok.body());
    assertEquals("public, max-age=60", header(ok, "Cache-Control"));
    assertEquals("application/json", header(ok, "Content-Type"));
    String etag = header(ok, "ETag");
    String lastModified = header(ok, "Last-Modified");
    assertTrue(etag.startsWith("\""), etag);

    HttpResponse<String> byTag = get("/catalog/11", "If-None-Match", etag);
    assertEquals(304, byTag.statusCode());
    assertEquals("", byTag.body());
    assertEquals(etag, header(byTag, "ETag"));
    assertEquals("public, max-age=60", header(byTag, "Cache-Control"));

    HttpResponse<String> byDate = get("/catalog/11", "If-Modified-Since", lastModified);
    assertEquals(304, byDate.statusCode());

    HttpResponse<String> stale = get("/catalog/11", "If-None-Match", "\"another\"");
    assertEquals(200, stale.statusCode());
    assertEquals(etag, header(stale, "ETag"), "the same value, the same tag");
    assertEquals(1, implementations.catalog.calls.get(), "every answer came from the cache");

    HttpResponse<String> none = get("/catalog/0");
    assertEquals(404, none.statusCode());
    assertEquals("no-store", header(none, "Cache-Control"));

    HttpResponse<String> plain = get("/catalog/11/plain");
    assertEquals(200, plain.statusCode());
    assertEquals(null, plain.headers().firstValue("ETag").orElse(null), "left to Spring");
  }

  private static String header(HttpResponse<String> response, String name) {
    String value = response.headers().firstValue(name).orElse(null);
    assertNotNull(value, name + " in " + response.headers().map());
    return value;
  }

  private HttpResponse<String> get(String path, String... header) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (header.length > 0) {
      request.header(header[0], header[1]);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
