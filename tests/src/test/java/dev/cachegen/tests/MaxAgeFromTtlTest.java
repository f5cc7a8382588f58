package dev.cachegen.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.runtime.http.HttpCacheHandler;
import dev.cachegen.runtime.http.JdkHttpCacheHandler;
import dev.cachegen.testing.TestClock;
import dev.cachegen.tests.fixtures.CachedPasses;
import dev.cachegen.tests.fixtures.Passes;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: a value's own time to live ({@code @Cached(ttlFrom)}) reaches HTTP clients as the
 * remaining {@code max-age} ({@code @CacheControl(maxAgeFromTtl = true)}). The generated {@code
 * CachedPasses.PASS_HTTP} is served by the JDK's HTTP server and read with the JDK's HTTP client;
 * the runtime and the handler share a test clock, so the seconds counted are exact.
 */
class MaxAgeFromTtlTest {
  private final TestClock clock = new TestClock();
  private final AtomicInteger loads = new AtomicInteger();
  private final HttpClient client = HttpClient.newHttpClient();
  private CacheRuntime runtime;
  private HttpServer server;

  @BeforeEach
  void serve() throws Exception {
    runtime = CacheRuntime.builder().clock(clock).build();
    Passes source =
        holder -> {
          loads.incrementAndGet();
          return new Passes.Pass(holder, clock.instant().plusSeconds(30));
        };
    Passes passes = new CachedPasses(source, runtime);
    HttpCacheHandler<Passes.Pass> handler =
        HttpCacheHandler.builder(CachedPasses.PASS_HTTP)
            .path("/passes/{holder}")
            .get(request -> passes.pass(request.pathParameter("holder")))
            .clock(clock)
            .build();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/passes/", JdkHttpCacheHandler.of(handler));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    runtime.close();
  }

  @Test
  void maxAgeCountsDownWithTheEntrysRemainingTtlAndStartsAgainAfterAReload() throws Exception {
    HttpResponse<String> first = get("ann", null);
    assertEquals(200, first.statusCode());
    assertEquals("public, max-age=30, s-maxage=10", cacheControl(first));

    clock.advance(Duration.ofSeconds(12));
    assertEquals("public, max-age=18, s-maxage=10", cacheControl(get("ann", null)));

    String etag = first.headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> notModified = get("ann", etag);
    assertEquals(304, notModified.statusCode());
    assertEquals("public, max-age=18, s-maxage=10", cacheControl(notModified), "a 304 too");

    // The cache keeps the entry at least 27 s: its ttl is jittered down by up to 10%.
    clock.advance(Duration.ofMillis(14_500));
    assertEquals("public, max-age=3, s-maxage=10", cacheControl(get("ann", null)), "3.5 s left");
    assertEquals(1, loads.get(), "every answer so far came from the cache");

    clock.advance(Duration.ofSeconds(4)); // the pass expired: the cache loads a new one
    assertEquals("public, max-age=30, s-maxage=10", cacheControl(get("ann", null)));
    assertEquals(2, loads.get());
  }

  private HttpResponse<String> get(String holder, String ifNoneMatch) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/passes/" + holder);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
    if (ifNoneMatch != null) {
      request.header("If-None-Match", ifNoneMatch);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String cacheControl(HttpResponse<?> response) {
    return response.headers().firstValue("Cache-Control").orElseThrow();
  }
}
