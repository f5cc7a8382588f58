package dev.cachegen.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The example's HTTP API, through Java's HttpClient: what the README's curl session shows. */
class ShopServerTest {
  private ShopServer shop;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    shop = ShopServer.start(0, (String) null);
  }

  @AfterEach
  void stop() throws Exception {
    shop.close();
  }

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + shop.port() + path));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void publicSettingsAreCacheableByCdnsAndRevalidateTo304() throws Exception {
    HttpResponse<String> first = get("/settings");
    assertEquals(200, first.statusCode());
    assertEquals(
        "public, max-age=60, s-maxage=600", first.headers().firstValue("Cache-Control").get());
    assertEquals(
        "Sun, 01 Nov 2026 08:00:00 GMT", first.headers().firstValue("Last-Modified").get());
    String etag = first.headers().firstValue("ETag").get();
    assertTrue(first.body().contains("\"currency\":\"EUR\""), first.body());

    HttpResponse<String> second = get("/settings", "If-None-Match", etag);
    assertEquals(304, second.statusCode());
    assertEquals("", second.body());
    assertEquals(etag, second.headers().firstValue("ETag").get());
    assertEquals(1, shop.implementationCalls(), "settings() is @Cached: one call for both");
  }

  @Test
  void theCartIsPrivateAndVariesByShopper() throws Exception {
    HttpResponse<String> ann = get("/cart", "X-Shopper", "ann");
    assertEquals(200, ann.statusCode());
    assertEquals(
        "private, max-age=0, must-revalidate", ann.headers().firstValue("Cache-Control").get());
    assertEquals("X-Shopper", ann.headers().firstValue("Vary").get());
    HttpResponse<String> bob = get("/cart", "X-Shopper", "bob");
    assertFalse(
        ann.headers().firstValue("ETag").equals(bob.headers().firstValue("ETag")),
        "different shoppers, different representations");
    assertEquals(401, get("/cart").statusCode());
  }

  @Test
  void theBalanceIsNeverStored() throws Exception {
    HttpResponse<String> balance = get("/balance", "X-Shopper", "ann");
    assertEquals(200, balance.statusCode());
    assertEquals("no-store", balance.headers().firstValue("Cache-Control").get());
    get("/balance", "X-Shopper", "ann");
    assertEquals(2, shop.implementationCalls(), "not cached anywhere");
  }

  @Test
  void prometheusScrapesTheCacheMetersOverHttp() throws Exception {
    get("/settings");
    get("/settings");
    get("/settings");
    HttpResponse<String> scrape = get("/metrics");
    assertEquals(200, scrape.statusCode());
    String body = scrape.body();
    assertTrue(
        body.contains("cache_gets_total{cache=\"Storefront.settings\",result=\"hit\"} 2.0"), body);
    assertTrue(
        body.contains("cache_gets_total{cache=\"Storefront.settings\",result=\"miss\"} 1.0"), body);
    assertTrue(
        body.contains("cache_load_seconds_total") || body.contains("cache_load_total"), body);
  }

  @Test
  void productsComeFromTheCachedCatalog() throws Exception {
    HttpResponse<String> product = get("/products/42");
    assertEquals(200, product.statusCode());
    assertEquals("public, max-age=30", product.headers().firstValue("Cache-Control").get());
    get("/products/42");
    assertEquals(1, shop.databaseQueries(), "the catalog's cache answered the second request");
    assertEquals(404, get("/products/100000").statusCode());
    assertEquals(400, get("/products/abc").statusCode());
  }
}
