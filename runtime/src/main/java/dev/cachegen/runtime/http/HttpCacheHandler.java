package dev.cachegen.runtime.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cachegen.runtime.Codec;
import dev.cachegen.runtime.JacksonCodec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one resource, such as {@code GET /items/{id}}, with the caching behaviour of an {@link
 * HttpCachePolicy}: {@code Cache-Control}, {@code ETag}, {@code Last-Modified}, {@code Vary}, and
 * conditional requests answered with {@code 304 Not Modified} or {@code 412 Precondition Failed} as
 * RFC 9110 section 13 says. Framework-neutral: {@link #handle} takes an {@link HttpRequestView} and
 * returns an {@link HttpCacheResponse}; {@link JdkHttpCacheHandler} and {@link HttpCacheServlet}
 * connect it to a server.
 *
 * <pre>{@code
 * Catalog catalog = new CachedCatalog(new JdbcCatalog(dataSource), runtime);
 *
 * HttpCacheHandler<Item> items =
 *     HttpCacheHandler.builder(CachedCatalog.FIND_HTTP)
 *         .path("/items/{id}")
 *         .get(request -> catalog.find(Long.parseLong(request.pathParameter("id"))))
 *         .build();
 *
 * HttpServer server = HttpServer.create(new InetSocketAddress(8080), 0);
 * server.createContext("/items/", JdkHttpCacheHandler.of(items));
 * server.start();
 * }</pre>
 *
 * <h2>Validators, once per value</h2>
 *
 * The body (JSON by default), its entity-tag (from the SHA-256 of the bytes) and its {@code
 * Last-Modified} form a {@link Representation} that is computed once per value instance and kept,
 * weakly, as long as that instance lives: a value returned from the in-process cache again and
 * again is encoded and hashed once. A value the loader returns freshly on every call (a method that
 * is not cached) is encoded on every call.
 *
 * <p>With {@link HttpCachePolicy.Builder#maxAgeFromTtl maxAgeFromTtl}, the representation also
 * keeps until when its value is fresh, and each response sends the whole seconds left as {@code
 * max-age}.
 *
 * <p>Without a {@link HttpCachePolicy.Builder#lastModified lastModified} accessor, {@code
 * Last-Modified} is the moment this handler first served the value instance, which for a value from
 * the in-process cache is at or just after the moment it was stored.
 *
 * <h2>Answers</h2>
 *
 * <ul>
 *   <li>{@code GET}: {@code 200} with the body, or {@code 304} without one when the client's copy
 *       is current; {@code HEAD}: the same headers without a body.
 *   <li>A {@code 304} repeats the fields a {@code 200} would carry that RFC 9110 section 15.4.5
 *       lists ({@code Cache-Control}, {@code Date}, {@code ETag}, {@code Vary}), plus {@code
 *       Last-Modified} to update the client's stored copy; no {@code Content-Type}, no body.
 *       ({@code Expires} and {@code Content-Location} are never sent.)
 *   <li>A loader returning {@code null} (or an empty {@code Optional}): {@code 404}, and
 *       preconditions are not evaluated (section 13.2.1).
 *   <li>Methods given with {@link Builder#write}: preconditions are evaluated against the current
 *       value ({@code If-Match} and {@code If-Unmodified-Since} protect against lost updates), and
 *       the action runs only when they hold; otherwise {@code 412}.
 *   <li>Other methods: {@code 405} with {@code Allow}. A {@link HttpStatusException}: its status.
 *       Any other exception: {@code 500}, logged. Error answers carry {@code Cache-Control:
 *       no-store}.
 *   <li>{@code Range} is not supported: the full representation is always sent.
 * </ul>
 *
 * <h2>no-store</h2>
 *
 * A policy with {@code no-store} still sends validators and still evaluates every precondition: RFC
 * 9110 defines conditional requests independently of whether a response may be stored, {@code
 * If-Match} needs the entity-tag to protect updates, and a {@code 304} reveals nothing, since it
 * has no content and itself says {@code no-store}. Browsers and shared caches never store such a
 * response, so they never send {@code If-None-Match} for it; a client that keeps the response on
 * its own and asks conditionally gets the {@code 304} the RFC prescribes. Such values are not kept
 * by the handler either: their representation is computed per request.
 *
 * @param <V> the type of the served values
 */
public final class HttpCacheHandler<V> {
  private static final Logger log = LoggerFactory.getLogger(HttpCacheHandler.class);
  private static final String DEFAULT_CONTENT_TYPE = "application/json";

  private final HttpCachePolicy<V> policy;
  private final PathTemplate path;
  private final ValueLoader<V> loader;
  private final Map<String, WriteAction<V>> writes;
  private final String allow;
  private final Codec.TypedCodec<V> codec;
  private final String contentType;
  private final Clock clock;
  private final Cache<Object, Representation> representations;
  private final AtomicBoolean accessorFailureLogged = new AtomicBoolean();
  private final DateHeader date = new DateHeader();

  private HttpCacheHandler(Builder<V> builder) {
    this.policy = builder.policy;
    this.path = builder.path;
    this.loader = builder.loader;
    this.writes = Map.copyOf(builder.writes);
    this.allow = String.join(", ", allowed(builder.writes));
    this.codec = builder.codec.forType(policy.valueType());
    this.contentType = builder.contentType;
    this.clock = builder.clock;
    this.representations =
        Caffeine.newBuilder().weakKeys().maximumSize(builder.maximumRepresentations).build();
  }

  /** Starts a handler that serves values with {@code policy}. */
  public static <V> Builder<V> builder(HttpCachePolicy<V> policy) {
    return new Builder<>(policy);
  }

  /** The policy this handler applies. */
  public HttpCachePolicy<V> policy() {
    return policy;
  }

  /** Whether this handler serves {@code rawPath}, by its path template. */
  public boolean matches(String rawPath) {
    return path != null && path.match(rawPath) != null;
  }

  /** Answers one request. Never throws for anything the request or the loader does. */
  public HttpCacheResponse handle(HttpRequestView request) {
    Map<String, String> parameters = path == null ? null : path.match(request.rawPath());
    if (parameters == null) {
      return error(request, 404, "Not Found");
    }
    WriteAction<V> write = writes.get(request.method());
    if (!isRead(request) && write == null) {
      return notAllowed(request, allow);
    }
    HttpCacheRequest call = new HttpCacheRequest(request, parameters);
    return guarded(request, () -> answer(request, loader.load(call), call, write));
  }

  /**
   * Answers a {@code GET} or {@code HEAD} with {@code value}, which the caller loaded: for a
   * framework that routes and loads itself, such as a Spring MVC controller method returning a
   * cached value. The same headers, validators and {@code 304}s as {@link #handle}; {@code null}
   * answers 404, any other method 405. Never throws.
   */
  public HttpCacheResponse respond(HttpRequestView request, V value) {
    if (!isRead(request)) {
      return notAllowed(request, "GET, HEAD");
    }
    return guarded(request, () -> answer(request, value, null, null));
  }

  private HttpCacheResponse answer(
      HttpRequestView request, V value, HttpCacheRequest call, WriteAction<V> write)
      throws Exception {
    String method = request.method();
    boolean read = isRead(request);
    if (value == null && read) {
      return error(request, 404, "Not Found");
    }
    Instant now = clock.instant();
    Representation current = value == null ? null : representation(value);
    Instant lastModified = current == null ? null : notAfter(current.lastModified(), now);
    Preconditions.Outcome outcome =
        Preconditions.evaluate(
            method,
            request::headers,
            current != null,
            current == null ? null : current.etag(),
            lastModified,
            now);
    switch (outcome) {
      case NOT_MODIFIED:
        return HttpCacheResponse.empty(304, cachingHeaders(current, lastModified, now, false));
      case PRECONDITION_FAILED:
        return HttpCacheResponse.empty(412, dateOnly(now));
      case PROCEED:
      default:
        break;
    }
    if (read) {
      return HttpCacheResponse.ofRepresentation(
          200, cachingHeaders(current, lastModified, now, true), current, method.equals("GET"));
    }
    return HttpCacheResponse.empty(write.perform(call, value), dateOnly(now));
  }

  /**
   * {@code answer}'s response; its {@link HttpStatusException} as that status, anything else 500.
   */
  private HttpCacheResponse guarded(
      HttpRequestView request, java.util.concurrent.Callable<HttpCacheResponse> answer) {
    try {
      return answer.call();
    } catch (HttpStatusException e) {
      return error(request, e.status(), e.getMessage());
    } catch (Exception e) {
      log.warn("{} {}: the handler for {} failed", request.method(), request.rawPath(), path, e);
      return error(request, 500, "Internal Server Error");
    }
  }

  private static boolean isRead(HttpRequestView request) {
    return request.method().equals("GET") || request.method().equals("HEAD");
  }

  private HttpCacheResponse notAllowed(HttpRequestView request, String allowed) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Allow", allowed);
    return error(request, 405, "Method Not Allowed", headers);
  }

  /**
   * The representation of {@code value}: computed on the first call for this instance, then the
   * same object for as long as the instance lives (or, with {@code no-store}, computed each time).
   */
  public Representation representation(V value) {
    Objects.requireNonNull(value, "value");
    if (policy.noStore()) {
      return represent(value);
    }
    return representations.get(value, this::represent);
  }

  private Representation represent(Object value) {
    @SuppressWarnings("unchecked") // only values of V are ever looked up
    V typed = (V) value;
    byte[] body;
    try {
      body = codec.encode(typed);
    } catch (Exception e) {
      throw new IllegalStateException(
          "cannot encode a " + policy.valueType().getTypeName() + " for HTTP", e);
    }
    return Representation.of(
        body,
        contentType,
        policy.etag(),
        lastModifiedOf(typed),
        policy.freshUntilMillis(typed, clock.millis()));
  }

  private Instant lastModifiedOf(V value) {
    Function<? super V, Instant> accessor = policy.lastModifiedAccessor();
    if (accessor != null) {
      try {
        Instant modified = accessor.apply(value);
        if (modified != null) {
          return modified;
        }
      } catch (RuntimeException e) {
        if (accessorFailureLogged.compareAndSet(false, true)) {
          log.warn(
              "the lastModified accessor of {} failed; using the time the value was first"
                  + " served instead (further failures are logged at debug)",
              policy,
              e);
        } else {
          log.debug("the lastModified accessor of {} failed", policy, e);
        }
      }
    }
    return clock.instant();
  }

  private Map<String, String> cachingHeaders(
      Representation current, Instant lastModified, Instant now, boolean withContentType) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (withContentType) {
      headers.put("Content-Type", current.contentType());
    }
    if (current.etag() != null) {
      headers.put("ETag", current.etag());
    }
    headers.put("Last-Modified", HttpDates.format(lastModified));
    headers.put(
        "Cache-Control", policy.cacheControl(current.freshUntilMillis(), now.toEpochMilli()));
    if (policy.vary() != null) {
      headers.put("Vary", policy.vary());
    }
    headers.put("Date", date.text(now));
    return headers;
  }

  private Map<String, String> dateOnly(Instant now) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Date", date.text(now));
    return headers;
  }

  private HttpCacheResponse error(HttpRequestView request, int status, String message) {
    return error(request, status, message, new LinkedHashMap<>());
  }

  private HttpCacheResponse error(
      HttpRequestView request, int status, String message, Map<String, String> headers) {
    headers.put("Content-Type", "text/plain; charset=utf-8");
    headers.put("Cache-Control", "no-store");
    headers.put("Date", date.text(clock.instant()));
    byte[] text = (message == null ? "" : message + "\n").getBytes(StandardCharsets.UTF_8);
    return HttpCacheResponse.ofText(status, headers, text, !request.method().equals("HEAD"));
  }

  /** RFC 9110 section 8.8.2.1: a Last-Modified later than the Date is replaced by the Date. */
  private static Instant notAfter(Instant lastModified, Instant now) {
    Instant nowSeconds = Instant.ofEpochSecond(now.getEpochSecond());
    return lastModified.isAfter(nowSeconds) ? nowSeconds : lastModified;
  }

  private static List<String> allowed(Map<String, ?> writes) {
    TreeMap<String, Object> methods = new TreeMap<>(writes);
    methods.put("GET", "");
    methods.put("HEAD", "");
    return List.copyOf(methods.keySet());
  }

  @Override
  public String toString() {
    return "HttpCacheHandler[" + path + ", " + policy + "]";
  }

  /**
   * Loads the value a request asks for, typically by calling a cached interface method.
   *
   * @param <V> the value's type
   */
  @FunctionalInterface
  public interface ValueLoader<V> {
    /**
     * The value, or {@code null} when there is none (answered with {@code 404}). May throw {@link
     * HttpStatusException} to answer with another status.
     */
    V load(HttpCacheRequest request) throws Exception;
  }

  /**
   * Performs an unsafe method, such as {@code PUT}, once its preconditions held.
   *
   * @param <V> the value's type
   */
  @FunctionalInterface
  public interface WriteAction<V> {
    /**
     * Performs the method and returns the status to answer with, such as {@code 204}.
     *
     * @param current the current value, or {@code null} when there is none
     */
    int perform(HttpCacheRequest request, V current) throws Exception;
  }

  /**
   * Configures an {@link HttpCacheHandler}. Settings are checked as they are given; a mistake names
   * the setting.
   *
   * @param <V> the type of the served values
   */
  public static final class Builder<V> {
    private final HttpCachePolicy<V> policy;
    private PathTemplate path;
    private ValueLoader<V> loader;
    private final Map<String, WriteAction<V>> writes = new LinkedHashMap<>();
    private Codec codec = JacksonCodec.create();
    private String contentType = DEFAULT_CONTENT_TYPE;
    private Clock clock = Clock.systemUTC();
    private long maximumRepresentations = 10_000;

    private Builder(HttpCachePolicy<V> policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * The path this handler serves, relative to the application's root: literal segments and
     * parameters in braces that each take one whole segment, such as {@code /items/{id}}. Required.
     */
    public Builder<V> path(String template) {
      this.path = PathTemplate.parse(Objects.requireNonNull(template, "path"));
      return this;
    }

    /** Loads the value for {@code GET} and {@code HEAD}; {@code null} answers 404. Required. */
    public Builder<V> get(ValueLoader<V> loader) {
      this.loader = Objects.requireNonNull(loader, "get");
      return this;
    }

    /**
     * Loads the value for {@code GET} and {@code HEAD} from a method that returns {@code Optional};
     * empty answers 404. The value inside is what is encoded and kept.
     */
    public Builder<V> getOptional(ValueLoader<Optional<V>> loader) {
      Objects.requireNonNull(loader, "getOptional");
      this.loader =
          request -> {
            Optional<V> value = loader.load(request);
            return value == null ? null : value.orElse(null);
          };
      return this;
    }

    /**
     * Performs an unsafe method, such as {@code PUT} or {@code DELETE}, after its preconditions
     * held against the current value.
     */
    public Builder<V> write(String method, WriteAction<V> action) {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(action, "write");
      if (!method.matches("[A-Z]+") || method.equals("GET") || method.equals("HEAD")) {
        throw new IllegalArgumentException(
            "write(\"" + method + "\", ...): use an unsafe method such as \"PUT\" or \"DELETE\"");
      }
      writes.put(method, action);
      return this;
    }

    /**
     * Encodes values into bodies. Default {@link JacksonCodec#create()}, which writes JSON; with
     * another codec, set {@link #contentType(String)} to match.
     */
    public Builder<V> codec(Codec codec) {
      this.codec = Objects.requireNonNull(codec, "codec");
      return this;
    }

    /** The {@code Content-Type} of bodies. Default {@code application/json}. */
    public Builder<V> contentType(String contentType) {
      Objects.requireNonNull(contentType, "contentType");
      if (!contentType.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+/[!#$%&'*+.^_`|~0-9A-Za-z-]+(;.*)?")) {
        throw new IllegalArgumentException(
            "contentType(\"" + contentType + "\"): not a media type such as \"application/json\"");
      }
      this.contentType = contentType;
      return this;
    }

    /** The clock for {@code Date} and stored-at times. Default the system clock (UTC). */
    public Builder<V> clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The most representations kept at once, beyond which the least used are dropped (and
     * recomputed when asked for again). Default 10,000; set it near the size of the cache that
     * feeds the handler.
     */
    public Builder<V> maximumRepresentations(long maximum) {
      if (maximum < 0) {
        throw new IllegalArgumentException(
            "maximumRepresentations(" + maximum + "): must not be negative");
      }
      this.maximumRepresentations = maximum;
      return this;
    }

    /**
     * Builds the handler.
     *
     * <p>Without {@link #path(String)} and {@link #get}, the handler serves no path and answers
     * only {@link HttpCacheHandler#respond} with values loaded elsewhere.
     *
     * @throws IllegalStateException if one of {@link #path(String)} and {@link #get} was given
     *     without the other
     */
    public HttpCacheHandler<V> build() {
      if (path == null && loader == null) {
        return new HttpCacheHandler<>(this);
      }
      if (path == null) {
        throw new IllegalStateException(
            "path: required; give the template this handler serves, such as path(\"/items/{id}\")");
      }
      if (loader == null) {
        throw new IllegalStateException(
            "get: required; give the loader of the value, such as"
                + " get(request -> catalog.find(request.pathParameter(\"id\")))");
      }
      return new HttpCacheHandler<>(this);
    }
  }
}
