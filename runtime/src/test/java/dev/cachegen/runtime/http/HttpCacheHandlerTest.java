package dev.cachegen.runtime.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachegen.annotations.ETag;
import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.runtime.Codec;
import dev.cachegen.runtime.JacksonCodec;
import dev.cachegen.runtime.internal.Cache;
import dev.cachegen.runtime.internal.CacheDefinition;
import dev.cachegen.runtime.internal.CacheEntry;
import dev.cachegen.runtime.internal.Keys;
import dev.cachegen.testing.TestClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The framework-neutral core: what {@link HttpCacheHandler#handle} answers, header by header. */
class HttpCacheHandlerTest {
  private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");
  private static final Instant UPDATED = Instant.parse("2026-11-20T10:00:00Z");

  private final TestClock clock = new TestClock(T0);
  private final Map<Long, Item> store = new ConcurrentHashMap<>();
  private final CountingCodec codec = new CountingCodec();

  private HttpCacheHandler.Builder<Item> handler(HttpCachePolicy<Item> policy) {
    return HttpCacheHandler.builder(policy)
        .path("/items/{id}")
        .get(request -> store.get(Long.parseLong(request.pathParameter("id"))))
        .codec(codec)
        .clock(clock);
  }

  private static HttpCachePolicy<Item> publicPolicy() {
    return HttpCachePolicy.builder(Item.class)
        .cacheControl("public, max-age=60, s-maxage=300")
        .vary("Accept-Encoding")
        .lastModified(Item::updatedAt)
        .build();
  }

  private static String body(HttpCacheResponse response) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    response.writeBody(out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void getAnswers200WithBodyAndEveryCachingHeader() throws IOException {
    store.put(1L, new Item(1, "lamp", UPDATED));
    HttpCacheResponse response =
        handler(publicPolicy()).build().handle(TestRequest.of("GET", "/items/1"));

    assertEquals(200, response.status());
    assertEquals("{\"id\":1,\"name\":\"lamp\",\"updatedAt\":1795168800.000000000}", body(response));
    assertEquals("application/json", response.header("Content-Type"));
    assertTrue(response.header("ETag").matches("\"[A-Za-z0-9_-]{22}\""), response.header("ETag"));
    assertEquals("Fri, 20 Nov 2026 10:00:00 GMT", response.header("Last-Modified"));
    assertEquals("public, max-age=60, s-maxage=300", response.header("Cache-Control"));
    assertEquals("Accept-Encoding", response.header("Vary"));
    assertEquals("Thu, 26 Nov 2026 12:00:00 GMT", response.header("Date"));
    assertEquals(response.contentLength(), body(response).getBytes(StandardCharsets.UTF_8).length);
  }

  @Test
  void strongEtagIsTheBase64urlOfTheFirst128BitsOfSha256OfTheBody() throws Exception {
    store.put(1L, new Item(1, "lamp", UPDATED));
    HttpCacheResponse response =
        handler(publicPolicy()).build().handle(TestRequest.of("GET", "/items/1"));
    byte[] digest =
        java.security.MessageDigest.getInstance("SHA-256")
            .digest(body(response).getBytes(StandardCharsets.UTF_8));
    String expected =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(java.util.Arrays.copyOf(digest, 16));
    assertEquals('"' + expected + '"', response.header("ETag"));
  }

  @Test
  void weakEtagOnRequest() {
    store.put(1L, new Item(1, "lamp", UPDATED));
    HttpCachePolicy<Item> weak =
        HttpCachePolicy.builder(Item.class)
            .cacheControl("private, no-cache")
            .etag(ETag.WEAK)
            .build();
    HttpCacheResponse response = handler(weak).build().handle(TestRequest.of("GET", "/items/1"));
    assertTrue(response.header("ETag").matches("W/\"[A-Za-z0-9_-]{22}\""), response.header("ETag"));
    String tag = response.header("ETag");

    HttpCacheResponse revalidated =
        handler(weak).build().handle(TestRequest.of("GET", "/items/1").with("If-None-Match", tag));
    assertEquals(304, revalidated.status());
  }

  @Test
  void noEtag_revalidatesWithLastModifiedOnly() {
    store.put(1L, new Item(1, "lamp", UPDATED));
    HttpCachePolicy<Item> none =
        HttpCachePolicy.builder(Item.class)
            .cacheControl("private, max-age=0")
            .etag(ETag.NONE)
            .lastModified(Item::updatedAt)
            .build();
    HttpCacheHandler<Item> handler = handler(none).build();
    HttpCacheResponse response = handler.handle(TestRequest.of("GET", "/items/1"));
    assertNull(response.header("ETag"));
    HttpCacheResponse revalidated =
        handler.handle(
            TestRequest.of("GET", "/items/1")
                .with("If-Modified-Since", response.header("Last-Modified")));
    assertEquals(304, revalidated.status());
    assertNull(revalidated.header("ETag"));
  }

  @Test
  void notModified_repeatsTheFieldsOfA200_withoutBodyOrContentType_15_4_5() throws IOException {
    store.put(1L, new Item(1, "lamp", UPDATED));
    HttpCacheHandler<Item> handler = handler(publicPolicy()).build();
    HttpCacheResponse ok = handler.handle(TestRequest.of("GET", "/items/1"));

    clock.advance(Duration.ofSeconds(5));
    HttpCacheResponse notModified =
        handler.handle(TestRequest.of("GET", "/items/1").with("If-None-Match", ok.header("ETag")));

    assertEquals(304, notModified.status());
    assertEquals(ok.header("ETag"), notModified.header("ETag"));
    assertEquals(ok.header("Cache-Control"), notModified.header("Cache-Control"));
    assertEquals(ok.header("Vary"), notModified.header("Vary"));
    assertEquals(ok.header("Last-Modified"), notModified.header("Last-Modified"));
    assertEquals("Thu, 26 Nov 2026 12:00:05 GMT", notModified.header("Date"));
    assertEquals(
        Set.of("ETag", "Last-Modified", "Cache-Control", "Vary", "Date"),
        notModified.headers().keySet());
    assertFalse(notModified.hasBody());
    assertEquals(-1, notModified.contentLength());
    assertEquals("", body(notModified));
  }

  @Test
  void head_sendsTheHeadersOfAGet_andTheLength_butNoBody() throws IOException {
    store.put(1L, new Item(1, "lamp", UPDATED));
    HttpCacheHandler<Item> handler = handler(publicPolicy()).build();
    HttpCacheResponse get = handler.handle(TestRequest.of("GET", "/items/1"));
    HttpCacheResponse head = handler.handle(TestRequest.of("HEAD", "/items/1"));

    assertEquals(200, head.status());
    assertEquals(get.headers(), head.headers());
    assertEquals(get.contentLength(), head.contentLength());
    assertFalse(head.hasBody());
    assertEquals("", body(head));
  }

  @Test
  void representationIsComputedOncePerValueInstance_notPerRequest() {
    Item lamp = new Item(1, "lamp", UPDATED);
    store.put(1L, lamp);
    HttpCacheHandler<Item> handler = handler(publicPolicy()).build();
    Representation first = handler.representation(lamp);
    for (int i = 0; i < 20; i++) {
      handler.handle(TestRequest.of("GET", "/items/1"));
    }
    assertSame(first, handler.representation(lamp));
    assertEquals(1, codec.encodings.get());

    // An equal but distinct instance (a value reloaded after an eviction) is encoded again.
    Item reloaded = new Item(1, "lamp", UPDATED);
    store.put(1L, reloaded);
    HttpCacheResponse response = handler.handle(TestRequest.of("GET", "/items/1"));
    assertEquals(2, codec.encodings.get());
    assertNotSame(first, handler.representation(reloaded));
    assertEquals(first.etag(), response.header("ETag"));
  }

  @Test
  void representationIsReusedAcrossHitsOfTheRuntimesInProcessCache() {
    AtomicInteger loads = new AtomicInteger();
    try (CacheRuntime runtime = CacheRuntime.inMemory()) {
      Cache<Item> cache =
          runtime.cache(
              CacheDefinition.<Item>builder("Catalog.find", Item.class)
                  .shape("1")
                  .ttlNanos(Duration.ofMinutes(5).toNanos())
                  .build());
      // What a generated decorator does for @Cached Item find(long id).
      HttpCacheHandler<Item> handler =
          handler(publicPolicy())
              .get(
                  request -> {
                    long id = Long.parseLong(request.pathParameter("id"));
                    Object key = Keys.local(id);
                    CacheEntry<Item> cached = cache.getIfPresent(key);
                    if (cached != null) {
                      return cached.value();
                    }
                    return cache.get(
                        key,
                        cache.sharedKey().value(id).build(),
                        null,
                        () -> {
                          loads.incrementAndGet();
                          return new Item(id, "lamp", UPDATED);
                        });
                  })
              .build();
      for (int i = 0; i < 10; i++) {
        assertEquals(200, handler.handle(TestRequest.of("GET", "/items/7")).status());
      }
    }
    assertEquals(1, loads.get());
    assertEquals(1, codec.encodings.get());
  }

  @Test
  void lastModified_withoutAccessor_isWhenTheValueWasFirstServed() {
    store.put(1L, new Item(1, "lamp", UPDATED));
    HttpCachePolicy<Item> policy =
        HttpCachePolicy.builder(Item.class).cacheControl("no-cache").build();
    HttpCacheHandler<Item> handler = handler(policy).build();
    clock.set(T0.plusMillis(1_500));
    assertEquals(
        "Thu, 26 Nov 2026 12:00:01 GMT",
        handler.handle(TestRequest.of("GET", "/items/1")).header("Last-Modified"));
    clock.advance(Duration.ofMinutes(3));
    assertEquals(
        "Thu, 26 Nov 2026 12:00:01 GMT",
        handler.handle(TestRequest.of("GET", "/items/1")).header("Last-Modified"));
  }

  @Test
  void lastModified_accessorReturningNull_fallsBackToFirstServed() {
    store.put(1L, new Item(1, "lamp", null));
    HttpCacheResponse response =
        handler(publicPolicy()).build().handle(TestRequest.of("GET", "/items/1"));
    assertEquals("Thu, 26 Nov 2026 12:00:00 GMT", response.header("Last-Modified"));
  }

  @Test
  void lastModified_inTheFuture_isReplacedByTheDate_8_8_2_1() {
    store.put(1L, new Item(1, "lamp", T0.plus(Duration.ofDays(1))));
    HttpCacheResponse response =
        handler(publicPolicy()).build().handle(TestRequest.of("GET", "/items/1"));
    assertEquals(response.header("Date"), response.header("Last-Modified"));
  }

  @Test
  void missingValue_is404_andPreconditionsAreNotEvaluated_13_2_1() {
    HttpCacheHandler<Item> handler = handler(publicPolicy()).build();
    HttpCacheResponse response =
        handler.handle(TestRequest.of("GET", "/items/9").with("If-None-Match", "*"));
    assertEquals(404, response.status());
    assertEquals("no-store", response.header("Cache-Control"));
    HttpCacheResponse withIfMatch =
        handler.handle(TestRequest.of("GET", "/items/9").with("If-Match", "*"));
    assertEquals(404, withIfMatch.status());
  }

  @Test
  void emptyOptional_is404_presentOptional_servesTheValueInside() throws IOException {
    store.put(1L, new Item(1, "lamp", UPDATED));
    HttpCacheHandler<Item> handler =
        handler(publicPolicy())
            .getOptional(
                request ->
                    Optional.ofNullable(store.get(Long.parseLong(request.pathParameter("id")))))
            .build();
    assertEquals(404, handler.handle(TestRequest.of("GET", "/items/2")).status());
    HttpCacheResponse found = handler.handle(TestRequest.of("GET", "/items/1"));
    assertEquals(200, found.status());
    assertTrue(body(found).startsWith("{\"id\":1,"));
  }

  @Test
  void pathThatDoesNotMatchTheTemplate_is404() {
    HttpCacheHandler<Item> handler = handler(publicPolicy()).build();
    assertEquals(404, handler.handle(TestRequest.of("GET", "/items")).status());
    assertEquals(404, handler.handle(TestRequest.of("GET", "/items/1/extra")).status());
    assertEquals(404, handler.handle(TestRequest.of("GET", "/items/")).status());
    assertEquals(404, handler.handle(TestRequest.of("GET", "/other/1")).status());
  }

  @Test
  void pathParametersArePercentDecoded() {
    AtomicReference<String> seen = new AtomicReference<>();
    HttpCacheHandler<Item> handler =
        handler(publicPolicy())
            .get(
                request -> {
                  seen.set(request.pathParameter("id"));
                  return null;
                })
            .build();
    handler.handle(TestRequest.of("GET", "/items/caf%C3%A9%2F1+2"));
    assertEquals("café/1+2", seen.get());
  }

  @Test
  void methodWithoutAnAction_is405WithAllow() {
    store.put(1L, new Item(1, "lamp", UPDATED));
    HttpCacheResponse response =
        handler(publicPolicy())
            .write("DELETE", (request, current) -> 204)
            .build()
            .handle(TestRequest.of("POST", "/items/1"));
    assertEquals(405, response.status());
    assertEquals("DELETE, GET, HEAD", response.header("Allow"));
  }

  @Test
  void put_withAMatchingIfMatch_performsTheAction() {
    Item lamp = new Item(1, "lamp", UPDATED);
    store.put(1L, lamp);
    AtomicReference<Item> seen = new AtomicReference<>();
    HttpCacheHandler<Item> handler =
        handler(publicPolicy())
            .write(
                "PUT",
                (request, current) -> {
                  seen.set(current);
                  return 204;
                })
            .build();
    String etag = handler.representation(lamp).etag();
    HttpCacheResponse response =
        handler.handle(TestRequest.of("PUT", "/items/1").with("If-Match", etag));
    assertEquals(204, response.status());
    assertSame(lamp, seen.get());
  }

  @Test
  void put_withAFailingIfMatch_is412_andTheActionDoesNotRun() {
    store.put(1L, new Item(1, "lamp", UPDATED));
    AtomicInteger performed = new AtomicInteger();
    HttpCacheHandler<Item> handler =
        handler(publicPolicy())
            .write("PUT", (request, current) -> performed.incrementAndGet() > 0 ? 204 : 500)
            .build();
    HttpCacheResponse response =
        handler.handle(TestRequest.of("PUT", "/items/1").with("If-Match", "\"stale\""));
    assertEquals(412, response.status());
    assertEquals(0, performed.get());
    assertFalse(response.hasBody());
  }

  @Test
  void put_ifNoneMatchStar_createsOnlyWhenMissing() {
    AtomicInteger performed = new AtomicInteger();
    HttpCacheHandler<Item> handler =
        handler(publicPolicy())
            .write(
                "PUT",
                (request, current) -> {
                  performed.incrementAndGet();
                  return current == null ? 201 : 204;
                })
            .build();
    assertEquals(
        201, handler.handle(TestRequest.of("PUT", "/items/5").with("If-None-Match", "*")).status());
    store.put(5L, new Item(5, "chair", UPDATED));
    assertEquals(
        412, handler.handle(TestRequest.of("PUT", "/items/5").with("If-None-Match", "*")).status());
    assertEquals(1, performed.get());
  }

  @Test
  void noStore_stillSendsValidators_andAnswersConditionalRequests_butKeepsNothing() {
    Item balance = new Item(1, "balance", UPDATED);
    store.put(1L, balance);
    HttpCachePolicy<Item> noStore =
        HttpCachePolicy.builder(Item.class).cacheControl("no-store").build();
    HttpCacheHandler<Item> handler = handler(noStore).build();
    HttpCacheResponse ok = handler.handle(TestRequest.of("GET", "/items/1"));
    assertEquals("no-store", ok.header("Cache-Control"));
    assertTrue(ok.header("ETag").startsWith("\""));

    HttpCacheResponse notModified =
        handler.handle(TestRequest.of("GET", "/items/1").with("If-None-Match", ok.header("ETag")));
    assertEquals(304, notModified.status());
    assertEquals("no-store", notModified.header("Cache-Control"));

    assertNotSame(handler.representation(balance), handler.representation(balance));
    assertEquals(4, codec.encodings.get());
  }

  @Test
  void loaderThrowingHttpStatusException_answersWithItsStatusAndMessage() throws IOException {
    HttpCacheHandler<Item> handler =
        handler(publicPolicy())
            .get(
                request -> {
                  throw new HttpStatusException(400, "id must be a number");
                })
            .build();
    HttpCacheResponse response = handler.handle(TestRequest.of("GET", "/items/x"));
    assertEquals(400, response.status());
    assertEquals("id must be a number\n", body(response));
    assertEquals("no-store", response.header("Cache-Control"));
  }

  @Test
  void loaderFailure_is500_withoutTheExceptionText() throws IOException {
    HttpCacheHandler<Item> handler =
        handler(publicPolicy())
            .get(
                request -> {
                  throw new IllegalStateException("secret detail");
                })
            .build();
    HttpCacheResponse response = handler.handle(TestRequest.of("GET", "/items/1"));
    assertEquals(500, response.status());
    assertFalse(body(response).contains("secret"));
    HttpCacheResponse head = handler.handle(TestRequest.of("HEAD", "/items/1"));
    assertEquals(500, head.status());
    assertEquals("", body(head));
  }

  @Test
  void differentValues_getDifferentStrongEtags() {
    store.put(1L, new Item(1, "lamp", UPDATED));
    store.put(2L, new Item(2, "lamp", UPDATED));
    HttpCacheHandler<Item> handler = handler(publicPolicy()).build();
    assertNotEquals(
        handler.handle(TestRequest.of("GET", "/items/1")).header("ETag"),
        handler.handle(TestRequest.of("GET", "/items/2")).header("ETag"));
  }

  @Test
  void genericValueTypesAreEncodedAsDeclared() throws IOException {
    Type listOfItems = dev.cachegen.runtime.internal.Types.parameterized(List.class, Item.class);
    List<Item> items = List.of(new Item(1, "lamp", UPDATED));
    HttpCachePolicy<List<Item>> policy =
        HttpCachePolicy.<List<Item>>builder(listOfItems).cacheControl("public, max-age=5").build();
    HttpCacheResponse response =
        HttpCacheHandler.builder(policy)
            .path("/items")
            .get(request -> items)
            .clock(clock)
            .build()
            .handle(TestRequest.of("GET", "/items"));
    assertTrue(body(response).startsWith("[{\"id\":1,"), body(response));
  }

  @Test
  void buildersFailFastNamingTheSetting() {
    IllegalStateException noCacheControl =
        assertThrows(
            IllegalStateException.class, () -> HttpCachePolicy.builder(Item.class).build());
    assertTrue(noCacheControl.getMessage().startsWith("cacheControl:"));
    IllegalArgumentException badCacheControl =
        assertThrows(
            IllegalArgumentException.class,
            () -> HttpCachePolicy.builder(Item.class).cacheControl("max-age=60\r\nX-Evil: 1"));
    assertTrue(badCacheControl.getMessage().startsWith("cacheControl("));
    assertThrows(
        IllegalArgumentException.class,
        () -> HttpCachePolicy.builder(Item.class).cacheControl("max-age="));
    assertThrows(
        IllegalArgumentException.class,
        () -> HttpCachePolicy.builder(Item.class).vary("Accept Encoding"));
    IllegalStateException noPath =
        assertThrows(
            IllegalStateException.class,
            () -> HttpCacheHandler.builder(publicPolicy()).get(request -> null).build());
    assertTrue(noPath.getMessage().startsWith("path:"));
    IllegalStateException noLoader =
        assertThrows(
            IllegalStateException.class,
            () -> HttpCacheHandler.builder(publicPolicy()).path("/items/{id}").build());
    assertTrue(noLoader.getMessage().startsWith("get:"));
    assertThrows(
        IllegalArgumentException.class,
        () -> HttpCacheHandler.builder(publicPolicy()).path("/items/id}"));
    assertThrows(
        IllegalArgumentException.class,
        () -> HttpCacheHandler.builder(publicPolicy()).write("GET", (request, current) -> 200));
  }

  @Test
  void policyRecognisesNoStoreAmongDirectives_caseInsensitively() {
    assertTrue(
        HttpCachePolicy.builder(Item.class).cacheControl("private, No-Store").build().noStore());
    assertFalse(
        HttpCachePolicy.builder(Item.class)
            .cacheControl("public, max-age=60, community=\"no-store\"")
            .build()
            .noStore());
    assertEquals(
        "Accept-Encoding, Accept-Language",
        HttpCachePolicy.builder(Item.class)
            .cacheControl("public")
            .vary("Accept-Encoding")
            .vary("Accept-Language", "Accept-Encoding")
            .build()
            .vary());
  }

  @Test
  void dateHeaderFollowsTheClock() {
    store.put(1L, new Item(1, "lamp", UPDATED));
    HttpCacheHandler<Item> handler = handler(publicPolicy()).build();
    assertEquals(
        "Thu, 26 Nov 2026 12:00:00 GMT",
        handler.handle(TestRequest.of("GET", "/items/1")).header("Date"));
    clock.advance(Duration.ofHours(25));
    assertEquals(
        "Fri, 27 Nov 2026 13:00:00 GMT",
        handler.handle(TestRequest.of("GET", "/items/1")).header("Date"));
  }

  @Test
  void bodyBytesAreThoseOfTheCodec() throws Exception {
    Item lamp = new Item(1, "lamp", UPDATED);
    Representation representation = handler(publicPolicy()).build().representation(lamp);
    byte[] expected = JacksonCodec.create().<Item>forType(Item.class).encode(lamp);
    assertArrayEquals(expected, representation.body());
    assertEquals(expected.length, representation.length());
  }

  /** Counts encodings, to prove representations are not recomputed per request. */
  private static final class CountingCodec implements Codec {
    final AtomicInteger encodings = new AtomicInteger();
    private final Codec jackson = JacksonCodec.create();

    @Override
    public <V> TypedCodec<V> forType(Type type) {
      TypedCodec<V> inner = jackson.forType(type);
      return new TypedCodec<>() {
        @Override
        public byte[] encode(V value) throws Exception {
          encodings.incrementAndGet();
          return inner.encode(value);
        }

        @Override
        public V decode(byte[] bytes) throws Exception {
          return inner.decode(bytes);
        }
      };
    }
  }

  @Test
  void aValueLoadedElsewhereGetsTheSameHeadersValidatorsAnd304s() throws IOException {
    HttpCacheHandler<Item> handler =
        HttpCacheHandler.builder(publicPolicy()).codec(codec).clock(clock).build();
    Item lamp = new Item(1, "lamp", UPDATED);
    HttpCacheResponse ok = handler.respond(TestRequest.of("GET", "/anything"), lamp);
    assertEquals(200, ok.status());
    assertEquals("public, max-age=60, s-maxage=300", ok.header("Cache-Control"));
    assertEquals("Fri, 20 Nov 2026 10:00:00 GMT", ok.header("Last-Modified"));
    store.put(1L, lamp);
    HttpCacheResponse served =
        handler(publicPolicy()).build().handle(TestRequest.of("GET", "/items/1"));
    assertEquals(served.header("ETag"), ok.header("ETag"), "the same validator as handle gives");
    assertEquals(body(served), body(ok));

    HttpCacheResponse notModified =
        handler.respond(TestRequest.of("GET", "/x").with("If-None-Match", ok.header("ETag")), lamp);
    assertEquals(304, notModified.status());
    assertFalse(notModified.hasBody());
    HttpCacheResponse head = handler.respond(TestRequest.of("HEAD", "/x"), lamp);
    assertEquals(200, head.status());
    assertFalse(head.hasBody());

    assertEquals(404, handler.respond(TestRequest.of("GET", "/x"), null).status());
    HttpCacheResponse post = handler.respond(TestRequest.of("POST", "/x"), lamp);
    assertEquals(405, post.status());
    assertEquals("GET, HEAD", post.header("Allow"));
    assertEquals(404, handler.handle(TestRequest.of("GET", "/items/1")).status(), "serves no path");
    assertFalse(handler.matches("/items/1"));
  }

  @Test
  void aPathWithoutALoaderOrALoaderWithoutAPathIsRefused() {
    IllegalStateException noLoader =
        assertThrows(
            IllegalStateException.class,
            () -> HttpCacheHandler.builder(publicPolicy()).path("/items/{id}").build());
    assertTrue(noLoader.getMessage().startsWith("get: required"), noLoader.getMessage());
    IllegalStateException noPath =
        assertThrows(
            IllegalStateException.class,
            () -> HttpCacheHandler.builder(publicPolicy()).get(request -> null).build());
    assertTrue(noPath.getMessage().startsWith("path: required"), noPath.getMessage());
  }
}
