package dev.cachegen.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachegen.runtime.http.testing.HeadlessChromium;
import dev.cachegen.runtime.http.testing.OriginServer;
import dev.cachegen.runtime.http.testing.RequestLog;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real browser: headless Chromium loads a page from the test server whose script fetches two
 * resources twice each. The server's log shows what the browser's HTTP cache did: it revalidates a
 * {@code no-cache} resource with If-None-Match and gets a 304, and does not ask at all for an
 * {@code immutable} resource within its max-age.
 */
class ChromiumTest {
  private static final String PAGE =
      """
      <!doctype html>
      <html><body><pre id="out">running</pre>
      <script>
        // Synchronous requests: done before the load event, so --dump-dom sees the result. They go
        // through the browser's HTTP cache like any fetch.
        function load(url) {
          var request = new XMLHttpRequest();
          request.open('GET', url, false);
          request.send();
          return request.status + ':' + JSON.parse(request.responseText).name;
        }
        var lines = [
          'revalidated ' + load('/items/1') + ' ' + load('/items/1'),
          'immutable ' + load('/assets/1') + ' ' + load('/assets/1'),
        ];
        document.getElementById('out').textContent = lines.join('\\n') + '\\ndone';
      </script>
      </body></html>
      """;

  private static OriginServer origin;
  private static HeadlessChromium chromium;

  @BeforeAll
  static void start() {
    chromium = HeadlessChromium.find();
    Item lamp = new Item(1, "lamp", Instant.parse("2026-11-20T10:00:00Z"));
    HttpCacheHandler<Item> revalidated =
        HttpCacheHandler.builder(
                HttpCachePolicy.builder(Item.class).cacheControl("private, no-cache").build())
            .path("/items/{id}")
            .get(request -> lamp)
            .build();
    HttpCacheHandler<Item> immutable =
        HttpCacheHandler.builder(
                HttpCachePolicy.builder(Item.class)
                    .cacheControl("public, max-age=3600, immutable")
                    .build())
            .path("/assets/{id}")
            .get(request -> lamp)
            .build();
    origin = OriginServer.jdk(Map.of("/page", PAGE), revalidated, immutable);
  }

  @AfterAll
  static void stop() {
    if (origin != null) {
      origin.close();
    }
  }

  @Test
  void browserRevalidatesWithIfNoneMatch_andSkipsImmutableResourcesWithinMaxAge() {
    String dom = chromium.dumpDom(origin.uri("/page"));

    // The script saw the body both times (a 304 is served from the browser's cache as a 200).
    assertTrue(dom.contains("revalidated 200:lamp 200:lamp"), dom);
    assertTrue(dom.contains("immutable 200:lamp 200:lamp"), dom);
    assertTrue(dom.contains("done"), dom);

    List<RequestLog.Entry> revalidations = origin.log().forPath("/items/1");
    assertEquals(2, revalidations.size(), origin.log().toString());
    assertNull(revalidations.get(0).ifNoneMatch());
    assertEquals(200, revalidations.get(0).status());
    assertTrue(
        revalidations.get(1).ifNoneMatch() != null
            && revalidations.get(1).ifNoneMatch().matches("\"[A-Za-z0-9_-]{22}\""),
        origin.log().toString());
    assertEquals(304, revalidations.get(1).status());

    List<RequestLog.Entry> immutables = origin.log().forPath("/assets/1");
    assertEquals(1, immutables.size(), "the browser asked again: " + origin.log());
    assertEquals(200, immutables.get(0).status());
  }
}
