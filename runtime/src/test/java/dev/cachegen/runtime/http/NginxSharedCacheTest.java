package dev.cachegen.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachegen.runtime.http.testing.NginxCache;
import dev.cachegen.runtime.http.testing.OriginServer;
import dev.cachegen.runtime.http.testing.RequestLog;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * nginx as a shared cache ({@code proxy_cache}, {@code proxy_cache_revalidate on}) in front of the
 * JDK server adapter. The origin's request log shows what reached it: PUBLIC responses are served
 * by nginx within max-age / s-maxage, PRIVATE and no-store responses always reach the origin, and
 * an expired response is revalidated with a conditional request answered by 304.
 */
class NginxSharedCacheTest {
  private static final Instant UPDATED = Instant.parse("2026-11-20T10:00:00Z");

  private static OriginServer origin;
  private static NginxCache nginx;
  private static final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  static void start() {
    Item lamp = new Item(1, "lamp", UPDATED);
    origin =
        OriginServer.jdk(
            handler("/public/{id}", "public, max-age=60", lamp),
            handler("/shared/{id}", "public, max-age=0, s-maxage=60", lamp),
            handler("/private/{id}", "private, max-age=60", lamp),
            handler("/nostore/{id}", "no-store", lamp),
            handler("/expiring/{id}", "public, max-age=1", lamp));
    nginx = NginxCache.start(origin.port());
  }

  @AfterAll
  static void stop() {
    if (nginx != null) {
      nginx.close();
    }
    if (origin != null) {
      origin.close();
    }
  }

  private static HttpCacheHandler<Item> handler(String path, String cacheControl, Item value) {
    return HttpCacheHandler.builder(
            HttpCachePolicy.builder(Item.class)
                .cacheControl(cacheControl)
                .lastModified(Item::updatedAt)
                .build())
        .path(path)
        .get(request -> value)
        .build();
  }

  private static HttpResponse<String> viaNginx(String path)
      throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(nginx.uri(path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String cacheStatus(HttpResponse<?> response) {
    return response.headers().firstValue("X-Cache-Status").orElse("(none)");
  }

  @Test
  void publicMaxAge_isServedByNginx_originSeesOneRequest() throws Exception {
    HttpResponse<String> first = viaNginx("/public/1");
    HttpResponse<String> second = viaNginx("/public/1");
    HttpResponse<String> third = viaNginx("/public/1");

    assertEquals(200, third.statusCode());
    assertEquals(first.body(), third.body());
    assertEquals("MISS", cacheStatus(first), nginx.logs());
    assertEquals("HIT", cacheStatus(second));
    assertEquals("HIT", cacheStatus(third));
    assertEquals(1, origin.log().forPath("/public/1").size(), origin.log().toString());
  }

  @Test
  void publicSMaxAge_overridesMaxAgeZero_forTheSharedCache() throws Exception {
    HttpResponse<String> first = viaNginx("/shared/1");
    HttpResponse<String> second = viaNginx("/shared/1");

    assertEquals("MISS", cacheStatus(first));
    assertEquals("HIT", cacheStatus(second));
    assertEquals(
        "public, max-age=0, s-maxage=60",
        second.headers().firstValue("Cache-Control").orElseThrow());
    assertEquals(1, origin.log().forPath("/shared/1").size(), origin.log().toString());
  }

  @Test
  void private_alwaysReachesTheOrigin() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertEquals(200, viaNginx("/private/1").statusCode());
    }
    assertEquals(3, origin.log().forPath("/private/1").size(), origin.log().toString());
  }

  @Test
  void noStore_alwaysReachesTheOrigin() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertEquals(200, viaNginx("/nostore/1").statusCode());
    }
    List<RequestLog.Entry> requests = origin.log().forPath("/nostore/1");
    assertEquals(3, requests.size(), origin.log().toString());
    requests.forEach(request -> assertNull(request.ifNoneMatch(), "nginx must not revalidate"));
  }

  @Test
  void expired_isRevalidatedWithIfNoneMatch_andTheOriginAnswers304() throws Exception {
    HttpResponse<String> first = viaNginx("/expiring/1");
    assertEquals("MISS", cacheStatus(first));
    String etag = first.headers().firstValue("ETag").orElseThrow();

    // max-age=1: within a few seconds nginx finds the copy stale and asks the origin.
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    HttpResponse<String> revalidated = null;
    while (System.nanoTime() < deadline) {
      HttpResponse<String> response = viaNginx("/expiring/1");
      assertEquals(200, response.statusCode());
      assertEquals(first.body(), response.body());
      if (!cacheStatus(response).equals("HIT")) {
        revalidated = response;
        break;
      }
      LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }
    assertTrue(revalidated != null, "nginx never revalidated: " + origin.log());
    assertEquals("REVALIDATED", cacheStatus(revalidated), nginx.logs());

    List<RequestLog.Entry> requests = origin.log().forPath("/expiring/1");
    assertEquals(2, requests.size(), origin.log().toString());
    assertNull(requests.get(0).ifNoneMatch());
    assertEquals(etag, requests.get(1).ifNoneMatch());
    assertEquals("Fri, 20 Nov 2026 10:00:00 GMT", requests.get(1).ifModifiedSince());
    assertEquals(304, requests.get(1).status());
  }
}
