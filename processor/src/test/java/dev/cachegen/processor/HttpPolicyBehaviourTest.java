package dev.cachegen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.runtime.http.HttpCacheHandler;
import dev.cachegen.runtime.http.HttpCachePolicy;
import dev.cachegen.runtime.http.HttpCacheResponse;
import dev.cachegen.runtime.http.HttpRequestView;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Compiles {@code good/com/acme/web}, reads the generated {@code _HTTP} constants and serves values
 * with them through the runtime's framework-neutral {@link HttpCacheHandler}: the headers a client
 * sees are what the annotations say, and a matching {@code If-None-Match} gets a 304.
 */
class HttpPolicyBehaviourTest {
  private static final Instant UPDATED = Instant.parse("2024-05-01T10:15:30Z");
  private static final String UPDATED_HTTP = "Wed, 01 May 2024 10:15:30 GMT";
  private static final Instant NOW = Instant.parse("2025-01-02T03:04:05Z");

  private static GeneratedClasses classes;
  private static Class<?> storefront;

  @BeforeAll
  static void compile() {
    Compilation compilation = Compilations.strictJavac().compile(Compilations.sources("good"));
    assertThat(compilation).succeededWithoutWarnings();
    classes = new GeneratedClasses(compilation);
    storefront = classes.load("com.acme.web.CachedStorefront");
  }

  @Test
  void interfaceLevelPolicyAppliesToMethodsWithoutTheirOwn() throws Exception {
    Object config = newRecord("com.acme.web.Storefront$Config", "EUR", List.of("de", "fr"));
    HttpCacheResponse response = get(policy("CONFIG_HTTP"), config, Map.of());

    assertEquals(200, response.status());
    assertEquals("public, max-age=60", response.header("Cache-Control"));
    assertEquals("Accept-Encoding", response.header("Vary"));
    String etag = response.header("ETag");
    assertNotNull(etag);
    assertTrue(etag.matches("\"[A-Za-z0-9_-]{22}\""), etag);
    assertTrue(response.hasBody());
  }

  @Test
  void matchingIfNoneMatchIsAnswered304WithTheCachingHeaders() throws Exception {
    HttpCachePolicy<Object> policy = policy("CONFIG_HTTP");
    Object config = newRecord("com.acme.web.Storefront$Config", "EUR", List.of("de"));
    HttpCacheHandler<Object> handler = handler(policy, config);
    String etag = handler.handle(request(Map.of())).header("ETag");

    HttpCacheResponse revalidated = handler.handle(request(Map.of("If-None-Match", etag)));

    assertEquals(304, revalidated.status());
    assertFalse(revalidated.hasBody());
    assertEquals(etag, revalidated.header("ETag"));
    assertEquals("public, max-age=60", revalidated.header("Cache-Control"));
    assertEquals("Accept-Encoding", revalidated.header("Vary"));
    HttpCacheResponse other = handler.handle(request(Map.of("If-None-Match", "\"other\"")));
    assertEquals(200, other.status());
  }

  @Test
  void methodLevelPolicyReplacesTheInterfacesWholesale() throws Exception {
    Object asset = newRecord("com.acme.web.Storefront$Asset", "abc123", "body");
    HttpCacheResponse response = get(policy("ASSET_HTTP"), asset, Map.of());

    assertEquals(
        "public, max-age=31536000, s-maxage=2592000, immutable", response.header("Cache-Control"));
    assertTrue(response.header("ETag").startsWith("W/\""), response.header("ETag"));
    assertNull(response.header("Vary"), "the interface's vary is not merged in");
  }

  @Test
  void lastModifiedComesFromAnInstantAccessor() throws Exception {
    Object profile = newRecord("com.acme.web.Storefront$Profile", "u1", "Ada", UPDATED);
    HttpCachePolicy<Object> policy = policy("PROFILE_HTTP");
    HttpCacheResponse response = get(policy, profile, Map.of());

    assertEquals("private, max-age=0, must-revalidate", response.header("Cache-Control"));
    assertEquals(UPDATED_HTTP, response.header("Last-Modified"));
    assertEquals("Cookie, Accept-Language", response.header("Vary"));

    HttpCacheResponse unchanged = get(policy, profile, Map.of("If-Modified-Since", UPDATED_HTTP));
    assertEquals(304, unchanged.status());
  }

  @Test
  void lastModifiedComesFromAnOffsetDateTimeGetterAndNullFallsBackToWhenServed() throws Exception {
    Constructor<?> article =
        classes
            .load("com.acme.web.Storefront$Article")
            .getConstructor(long.class, OffsetDateTime.class);
    HttpCachePolicy<Object> policy = policy("ARTICLE_HTTP");

    Object published = article.newInstance(7L, UPDATED.atOffset(ZoneOffset.ofHours(2)));
    HttpCacheResponse response = get(policy, published, Map.of());
    assertEquals("public, no-cache, stale-if-error=86400", response.header("Cache-Control"));
    assertEquals(UPDATED_HTTP, response.header("Last-Modified"));

    Object unpublished = article.newInstance(8L, null);
    assertEquals(
        "Thu, 02 Jan 2025 03:04:05 GMT",
        get(policy, unpublished, Map.of()).header("Last-Modified"));
  }

  @Test
  void lastModifiedComesFromADateThroughGetTimeSoSqlDatesWork() throws Exception {
    HttpCachePolicy<Object> policy = policy("REPORT_HTTP");
    Object report =
        newRecord("com.acme.web.Storefront$Report", "sales", new Date(UPDATED.toEpochMilli()));
    HttpCacheResponse response = get(policy, report, Map.of());
    assertEquals(
        "private, max-age=300, stale-while-revalidate=30", response.header("Cache-Control"));
    assertEquals(UPDATED_HTTP, response.header("Last-Modified"));

    // java.sql.Date.toInstant() throws; the generated code never calls it.
    Object sqlReport =
        newRecord(
            "com.acme.web.Storefront$Report", "sales", new java.sql.Date(UPDATED.toEpochMilli()));
    assertEquals(UPDATED_HTTP, get(policy, sqlReport, Map.of()).header("Last-Modified"));
    assertThrows(
        UnsupportedOperationException.class,
        () -> new java.sql.Date(UPDATED.toEpochMilli()).toInstant());
  }

  @Test
  void noStoreSendsNoStoreAloneAndNoEntityTag() throws Exception {
    HttpCachePolicy<Object> policy = policy("BALANCE_HTTP");
    Object balance = newRecord("com.acme.web.Storefront$Balance", "acc-1", 1234L);
    HttpCacheResponse response = get(policy, balance, Map.of());

    assertTrue(policy.noStore());
    assertEquals("no-store", response.header("Cache-Control"));
    assertNull(response.header("ETag"));
    assertNull(response.header("Vary"));
  }

  @Test
  void genericAndPrimitiveValuesGetTheirExactTypes() throws Exception {
    HttpCachePolicy<Object> assets = policy("ASSETS_HTTP");
    ParameterizedType type = (ParameterizedType) assets.valueType();
    assertEquals(List.class, type.getRawType());
    assertEquals(classes.load("com.acme.web.Storefront$Asset"), type.getActualTypeArguments()[0]);

    HttpCachePolicy<Object> count = policy("ASSET_COUNT_HTTP");
    assertEquals(Integer.class, count.valueType());
    HttpCacheResponse response = get(count, 42, Map.of());
    assertEquals("public, max-age=60", response.header("Cache-Control"));
    assertEquals(2, response.contentLength());
  }

  @Test
  void voidAndWritingMethodsGetNoPolicyFromTheInterface() {
    List<String> constants =
        java.util.Arrays.stream(storefront.getDeclaredFields())
            .filter(f -> f.getName().endsWith("_HTTP"))
            .map(f -> f.getName())
            .toList();
    assertEquals(
        List.of(
            "CONFIG_HTTP",
            "ASSET_HTTP",
            "PROFILE_HTTP",
            "BALANCE_HTTP",
            "ARTICLE_HTTP",
            "REPORT_HTTP",
            "ASSETS_HTTP",
            "ASSET_COUNT_HTTP"),
        constants);
  }

  @Test
  void anInterfaceWithOnlyCacheControlGetsADecoratorThatDelegates() throws Exception {
    Class<?> accounts = classes.load("com.acme.web.Accounts");
    Class<?> decorator = classes.load("com.acme.web.CachedAccounts");
    var field = decorator.getField("STATEMENT_HTTP");
    assertTrue(Modifier.isPublic(field.getModifiers()) && Modifier.isStatic(field.getModifiers()));
    assertEquals("no-store", ((HttpCachePolicy<?>) field.get(null)).cacheControl());

    Object statement = newRecord("com.acme.web.Accounts$Statement", "acc-1", 5L);
    RecordingDelegate delegate = new RecordingDelegate().answer("statement", args -> statement);
    try (CacheRuntime runtime = CacheRuntime.inMemory()) {
      Object decorated =
          decorator
              .getConstructor(accounts, CacheRuntime.class)
              .newInstance(delegate.proxy(accounts), runtime);
      assertEquals(
          statement, accounts.getMethod("statement", String.class).invoke(decorated, "acc-1"));
    }
  }

  // ---- helpers --------------------------------------------------------------------------------

  @SuppressWarnings("unchecked") // the constants are HttpCachePolicy<V>; V is only known here
  private static HttpCachePolicy<Object> policy(String constant)
      throws ReflectiveOperationException {
    var field = storefront.getField(constant);
    assertTrue(Modifier.isPublic(field.getModifiers()), constant + " is public");
    assertTrue(Modifier.isStatic(field.getModifiers()) && Modifier.isFinal(field.getModifiers()));
    return (HttpCachePolicy<Object>) field.get(null);
  }

  private static HttpCacheHandler<Object> handler(HttpCachePolicy<Object> policy, Object value) {
    return HttpCacheHandler.builder(policy)
        .path("/resource")
        .get(request -> value)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .build();
  }

  private static HttpCacheResponse get(
      HttpCachePolicy<Object> policy, Object value, Map<String, String> headers) {
    return handler(policy, value).handle(request(headers));
  }

  private static HttpRequestView request(Map<String, String> headers) {
    return new HttpRequestView() {
      @Override
      public String method() {
        return "GET";
      }

      @Override
      public String rawPath() {
        return "/resource";
      }

      @Override
      public List<String> headers(String name) {
        for (Map.Entry<String, String> header : headers.entrySet()) {
          if (header.getKey().equalsIgnoreCase(name)) {
            return List.of(header.getValue());
          }
        }
        return List.of();
      }

      @Override
      public InputStream body() {
        return new ByteArrayInputStream(new byte[0]);
      }
    };
  }

  private static Object newRecord(String name, Object... components)
      throws ReflectiveOperationException {
    Class<?> type = classes.load(name);
    Class<?>[] parameterTypes =
        java.util.Arrays.stream(type.getRecordComponents())
            .map(c -> c.getType())
            .toArray(Class<?>[]::new);
    return type.getConstructor(parameterTypes).newInstance(components);
  }
}
