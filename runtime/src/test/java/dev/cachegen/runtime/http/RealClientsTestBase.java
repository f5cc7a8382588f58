package dev.cachegen.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachegen.annotations.ETag;
import dev.cachegen.runtime.http.testing.Curl;
import dev.cachegen.runtime.http.testing.OriginServer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Java's {@code HttpClient} and the {@code curl} binary against a real server running one of the
 * adapters: headers, 200 then 304, HEAD, If-Modified-Since, odd and malformed validators, and 412
 * for an update whose If-Match fails. Subclasses choose the server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RealClientsTestBase {
  static final Instant UPDATED = Instant.parse("2026-11-20T10:00:00Z");
  static final String UPDATED_HTTP = "Fri, 20 Nov 2026 10:00:00 GMT";

  private final Map<Long, Item> store = new ConcurrentHashMap<>();
  private OriginServer origin;
  private HttpClient client;
  private Curl curl;

  /** Starts the server under test with {@code handlers}. */
  abstract OriginServer startOrigin(HttpCacheHandler<?>... handlers);

  @BeforeAll
  void start() {
    curl = Curl.find();
    HttpCachePolicy<Item> publicPolicy =
        HttpCachePolicy.builder(Item.class)
            .cacheControl("public, max-age=60, s-maxage=300")
            .vary("Accept-Encoding")
            .lastModified(Item::updatedAt)
            .build();
    HttpCachePolicy<Item> weakPolicy =
        HttpCachePolicy.builder(Item.class)
            .cacheControl("private, no-cache")
            .etag(ETag.WEAK)
            .build();
    HttpCacheHandler<Item> items =
        HttpCacheHandler.builder(publicPolicy)
            .path("/items/{id}")
            .get(request -> store.get(id(request)))
            .write(
                "PUT",
                (request, current) -> {
                  String name = new String(request.body().readAllBytes(), StandardCharsets.UTF_8);
                  store.put(id(request), new Item(id(request), name, Instant.now()));
                  return current == null ? 201 : 204;
                })
            .build();
    HttpCacheHandler<Item> weak =
        HttpCacheHandler.builder(weakPolicy)
            .path("/weak/{id}")
            .get(request -> store.get(id(request)))
            .build();
    origin = startOrigin(items, weak);
    client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  @AfterAll
  void stop() {
    if (origin != null) {
      origin.close();
    }
  }

  @BeforeEach
  void resetStore() {
    store.clear();
    store.put(1L, new Item(1, "lamp", UPDATED));
    store.put(2L, new Item(2, "chair", UPDATED));
  }

  private static long id(HttpCacheRequest request) {
    try {
      return Long.parseLong(request.pathParameter("id"));
    } catch (NumberFormatException e) {
      throw new HttpStatusException(400, "id must be a number");
    }
  }

  private HttpResponse<String> send(String method, String path, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(origin.uri(path))
            .timeout(Duration.ofSeconds(10))
            .method(method, HttpRequest.BodyPublishers.noBody());
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String url(String path) {
    return origin.uri(path).toString();
  }

  private String etagOf(String path) throws IOException, InterruptedException {
    String etag = send("GET", path).headers().firstValue("ETag").orElseThrow();
    assertTrue(etag.startsWith("\"") || etag.startsWith("W/\""), etag);
    return etag;
  }

  @Test
  void httpClient_get_200_withCachingHeaders() throws Exception {
    HttpResponse<String> response = send("GET", "/items/1");

    assertEquals(200, response.statusCode());
    assertTrue(response.body().startsWith("{\"id\":1,\"name\":\"lamp\""), response.body());
    var headers = response.headers();
    assertEquals("application/json", headers.firstValue("Content-Type").orElseThrow());
    assertEquals(
        String.valueOf(response.body().getBytes(StandardCharsets.UTF_8).length),
        headers.firstValue("Content-Length").orElseThrow());
    assertTrue(headers.firstValue("ETag").orElseThrow().matches("\"[A-Za-z0-9_-]{22}\""));
    assertEquals(UPDATED_HTTP, headers.firstValue("Last-Modified").orElseThrow());
    assertEquals(
        "public, max-age=60, s-maxage=300", headers.firstValue("Cache-Control").orElseThrow());
    assertEquals("Accept-Encoding", headers.firstValue("Vary").orElseThrow());
    assertEquals(1, headers.allValues("Date").size(), "exactly one Date: " + headers.map());
    assertNotNull(HttpDates.parse(headers.firstValue("Date").orElseThrow(), Instant.now()));
  }

  @Test
  void curl_get_200_withCachingHeaders_eachSentOnce() {
    Curl.Response response = curl.run(url("/items/1"));

    assertEquals(200, response.status(), response.toString());
    assertTrue(response.body().startsWith("{\"id\":1,"), response.toString());
    for (String name :
        List.of(
            "Content-Type",
            "Content-Length",
            "ETag",
            "Last-Modified",
            "Cache-Control",
            "Vary",
            "Date")) {
      assertEquals(1, response.headers(name).size(), name + " in\n" + response);
    }
    assertEquals(UPDATED_HTTP, response.header("Last-Modified"));
    assertEquals(String.valueOf(response.body().length()), response.header("Content-Length"));
  }

  @Test
  void httpClient_200_then_304_withIfNoneMatch() throws Exception {
    HttpResponse<String> first = send("GET", "/items/1");
    String etag = first.headers().firstValue("ETag").orElseThrow();

    HttpResponse<String> second = send("GET", "/items/1", "If-None-Match", etag);

    assertEquals(304, second.statusCode());
    assertEquals("", second.body());
    assertEquals(etag, second.headers().firstValue("ETag").orElseThrow());
    assertTrue(second.headers().firstValue("Cache-Control").isPresent());
    assertEquals(
        first.headers().firstValue("Cache-Control"), second.headers().firstValue("Cache-Control"));
    assertEquals("Accept-Encoding", second.headers().firstValue("Vary").orElseThrow());
    assertEquals(UPDATED_HTTP, second.headers().firstValue("Last-Modified").orElseThrow());
    assertTrue(second.headers().firstValue("Date").isPresent());
    assertTrue(
        second.headers().firstValue("Content-Type").isEmpty(), second.headers().map().toString());
  }

  @Test
  void curl_200_then_304_withIfNoneMatch() throws Exception {
    String etag = curl.run(url("/items/1")).header("ETag");

    Curl.Response second = curl.run("-H", "If-None-Match: " + etag, url("/items/1"));

    assertEquals(304, second.status(), second.toString());
    assertEquals("", second.body());
    assertEquals(etag, second.header("ETag"));
    assertEquals("public, max-age=60, s-maxage=300", second.header("Cache-Control"));
    assertEquals("Accept-Encoding", second.header("Vary"));
    assertEquals(UPDATED_HTTP, second.header("Last-Modified"));
  }

  @Test
  void httpClient_head_sendsTheHeadersOfAGet_withoutBody() throws Exception {
    HttpResponse<String> get = send("GET", "/items/1");
    HttpResponse<String> head = send("HEAD", "/items/1");

    assertEquals(200, head.statusCode());
    assertEquals("", head.body());
    for (String name : List.of("ETag", "Last-Modified", "Cache-Control", "Vary", "Content-Type")) {
      assertTrue(head.headers().firstValue(name).isPresent(), name);
      assertEquals(get.headers().firstValue(name), head.headers().firstValue(name), name);
    }
  }

  @Test
  void curl_head_announcesTheLengthOfTheGetBody() {
    Curl.Response get = curl.run(url("/items/1"));
    Curl.Response head = curl.run("--head", url("/items/1"));

    assertEquals(200, head.status(), head.toString());
    assertEquals("", head.body());
    assertNotNull(head.header("ETag"), head.toString());
    assertEquals(get.header("ETag"), head.header("ETag"));
    assertNotNull(head.header("Content-Length"), head.toString());
    assertEquals(get.header("Content-Length"), head.header("Content-Length"), head.toString());
  }

  @Test
  void curl_headWithIfNoneMatch_is304() throws Exception {
    String etag = etagOf("/items/1");
    Curl.Response head = curl.run("--head", "-H", "If-None-Match: " + etag, url("/items/1"));
    assertEquals(304, head.status(), head.toString());
    assertEquals(etag, head.header("ETag"));
  }

  @Test
  void ifModifiedSince_atOrAfterLastModified_is304_before_is200() throws Exception {
    assertEquals(304, send("GET", "/items/1", "If-Modified-Since", UPDATED_HTTP).statusCode());
    assertEquals(
        304,
        curl.run("-H", "If-Modified-Since: Sat, 21 Nov 2026 00:00:00 GMT", url("/items/1"))
            .status());
    assertEquals(
        200,
        send("GET", "/items/1", "If-Modified-Since", "Fri, 20 Nov 2026 09:59:59 GMT").statusCode());
  }

  @Test
  void ifModifiedSince_obsoleteFormats_areUnderstood() {
    assertEquals(
        304,
        curl.run("-H", "If-Modified-Since: Friday, 20-Nov-26 10:00:00 GMT", url("/items/1"))
            .status());
    assertEquals(
        304,
        curl.run("-H", "If-Modified-Since: Fri Nov 20 10:00:00 2026", url("/items/1")).status());
  }

  @Test
  void ifModifiedSince_garbageDates_areIgnored_200() throws Exception {
    for (String garbage :
        List.of(
            "yesterday",
            "0",
            "-1",
            "2026-11-20T10:00:00Z",
            "Fri, 20 Nov 2026 10:00:00 UTC",
            "Fri, 31 Feb 2026 10:00:00 GMT")) {
      assertEquals(
          200, send("GET", "/items/1", "If-Modified-Since", garbage).statusCode(), garbage);
    }
    assertEquals(200, curl.run("-H", "If-Modified-Since: \u00ff\u00fe", url("/items/1")).status());
  }

  @Test
  void ifModifiedSince_isIgnored_whenIfNoneMatchIsPresent() throws Exception {
    HttpResponse<String> response =
        send("GET", "/items/1", "If-None-Match", "\"other\"", "If-Modified-Since", UPDATED_HTTP);
    assertEquals(200, response.statusCode());
  }

  @Test
  void ifNoneMatch_unquotedTag_isMalformed_200() throws Exception {
    String etag = etagOf("/items/1");
    String unquoted = etag.substring(1, etag.length() - 1);
    assertEquals(200, send("GET", "/items/1", "If-None-Match", unquoted).statusCode());
    assertEquals(200, curl.run("-H", "If-None-Match: " + unquoted, url("/items/1")).status());
  }

  @Test
  void ifNoneMatch_star_is304_forAnExistingResource() throws Exception {
    assertEquals(304, send("GET", "/items/1", "If-None-Match", "*").statusCode());
    assertEquals(304, curl.run("-H", "If-None-Match: *", url("/items/1")).status());
  }

  @Test
  void ifNoneMatch_list_is304_whenAnyTagMatches() throws Exception {
    String etag = etagOf("/items/1");
    assertEquals(
        304, send("GET", "/items/1", "If-None-Match", "\"a\", " + etag + ", \"b\"").statusCode());
    assertEquals(200, send("GET", "/items/1", "If-None-Match", "\"a\", \"b\"").statusCode());
    // Two field lines form one list.
    assertEquals(
        304,
        curl.run("-H", "If-None-Match: \"a\"", "-H", "If-None-Match: " + etag, url("/items/1"))
            .status());
  }

  @Test
  void ifNoneMatch_weakFormOfTheStrongTag_matchesByWeakComparison_304() throws Exception {
    String etag = etagOf("/items/1");
    assertEquals(304, send("GET", "/items/1", "If-None-Match", "W/" + etag).statusCode());
  }

  @Test
  void weakEtag_revalidates_withWeakOrStrongForm() throws Exception {
    String weak = etagOf("/weak/1");
    assertTrue(weak.startsWith("W/\""), weak);
    assertEquals(304, curl.run("-H", "If-None-Match: " + weak, url("/weak/1")).status());
    assertEquals(304, send("GET", "/weak/1", "If-None-Match", weak.substring(2)).statusCode());
  }

  @Test
  void ifNoneMatch_tagOfAnotherResource_is200() throws Exception {
    String other = etagOf("/items/2");
    assertEquals(200, send("GET", "/items/1", "If-None-Match", other).statusCode());
  }

  @Test
  void put_withFailingIfMatch_is412_andChangesNothing() throws Exception {
    HttpResponse<String> httpClient =
        client.send(
            HttpRequest.newBuilder(origin.uri("/items/1"))
                .header("If-Match", "\"stale\"")
                .PUT(HttpRequest.BodyPublishers.ofString("desk"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(412, httpClient.statusCode());

    Curl.Response curled =
        curl.run(
            "-X",
            "PUT",
            "-H",
            "If-Match: W/" + etagOf("/items/1"),
            "--data",
            "desk",
            url("/items/1"));
    assertEquals(412, curled.status(), "If-Match uses strong comparison: " + curled);

    assertEquals("lamp", store.get(1L).name());
  }

  @Test
  void put_withMatchingIfMatch_updates_andTheEtagChanges() throws Exception {
    String before = etagOf("/items/1");
    Curl.Response put =
        curl.run("-X", "PUT", "-H", "If-Match: " + before, "--data", "desk", url("/items/1"));
    assertEquals(204, put.status(), put.toString());
    assertEquals("desk", store.get(1L).name());

    String after = etagOf("/items/1");
    assertNotEquals(before, after);
    // The old tag no longer matches: a second update based on the old read is refused.
    assertEquals(
        412,
        curl.run("-X", "PUT", "-H", "If-Match: " + before, "--data", "sofa", url("/items/1"))
            .status());
    assertEquals(200, send("GET", "/items/1", "If-None-Match", before).statusCode());
  }

  @Test
  void put_withIfUnmodifiedSinceBeforeLastModified_is412() {
    Curl.Response put =
        curl.run(
            "-X",
            "PUT",
            "-H",
            "If-Unmodified-Since: Thu, 19 Nov 2026 00:00:00 GMT",
            "--data",
            "desk",
            url("/items/1"));
    assertEquals(412, put.status(), put.toString());
    assertEquals("lamp", store.get(1L).name());
  }

  @Test
  void unknownResource_404_unknownMethod_405_badId_400() throws Exception {
    assertEquals(404, send("GET", "/items/99").statusCode());
    assertEquals(404, send("GET", "/nothing/here").statusCode());
    HttpResponse<String> post = send("POST", "/items/1");
    assertEquals(405, post.statusCode());
    assertEquals("GET, HEAD, PUT", post.headers().firstValue("Allow").orElseThrow());
    HttpResponse<String> bad = send("GET", "/items/abc");
    assertEquals(400, bad.statusCode());
    assertEquals("id must be a number\n", bad.body());
  }

  @Test
  void originLog_recordsWhatClientsSent() throws Exception {
    origin.log().clear();
    String etag = etagOf("/items/2");
    curl.run("-H", "If-None-Match: " + etag, url("/items/2"));
    var entries = origin.log().forPath("/items/2");
    assertEquals(2, entries.size(), entries.toString());
    assertEquals(200, entries.get(0).status());
    assertEquals(etag, entries.get(1).ifNoneMatch());
    assertEquals(304, entries.get(1).status());
  }
}
