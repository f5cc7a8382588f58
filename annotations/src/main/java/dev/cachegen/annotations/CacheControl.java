package dev.cachegen.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How HTTP clients and shared caches may cache the answer of a method that an endpoint serves: the
 * {@code Cache-Control} header (RFC 9111), the validators {@code ETag} and {@code Last-Modified},
 * and conditional requests answered with {@code 304 Not Modified} (RFC 9110 section 13).
 *
 * <pre>{@code
 * @CacheControl(visibility = Visibility.PUBLIC, maxAge = "1m", sMaxAge = "5m", vary = "Accept-Encoding")
 * public interface Catalog {
 *   @Cached(ttl = "10m")
 *   Item find(long id);                       // public, max-age=60, s-maxage=300
 *
 *   @Cached(ttl = "1h")
 *   @CacheControl(visibility = Visibility.PUBLIC, maxAge = "365d", immutable = true)
 *   Asset asset(String contentHash);          // public, max-age=31536000, immutable
 *
 *   @CacheControl(visibility = Visibility.PRIVATE, maxAge = "0s", mustRevalidate = true,
 *       lastModified = "updatedAt")
 *   Profile profile(String userId);           // private, max-age=0, must-revalidate
 *
 *   @CacheControl(noStore = true)
 *   Balance balance(String accountId);        // no-store
 * }
 * }</pre>
 *
 * <p>On an interface, the annotation applies to every method of the interface that does not carry
 * its own and that reads: methods returning {@code void} (or a {@code Void} future) and methods
 * with {@code @WriteThrough}, {@code @WriteBehind}, {@code @Invalidate} or {@code @InvalidateTags}
 * get a policy only from an annotation of their own, and on a {@code void} method that is an error.
 * An annotation on a method replaces the interface's as a whole (attributes are not merged). A
 * method inherited from a superinterface takes that interface's annotation before the decorated
 * one's. A method need not be {@code @Cached}: a policy makes sense for any method an endpoint
 * serves.
 *
 * <p>The cachegen processor turns the annotation into a public constant of the decorator, {@code
 * CachedCatalog.FIND_HTTP} for {@code Catalog.find} ({@code FIND_HTTP_2} for a further overload),
 * an {@code HttpCachePolicy} of the method's value type ({@code T} for {@code Optional<T>} and
 * futures, the box of a primitive) whose {@code Cache-Control} value is computed when the interface
 * is compiled, so nothing is parsed while serving. Hand it to {@code HttpCacheHandler.builder}. The
 * directives are always sent in one order: {@code no-store} alone, or {@code public}/{@code
 * private}, {@code no-cache}, {@code max-age}, {@code s-maxage}, {@code must-revalidate}, {@code
 * stale-while-revalidate}, {@code stale-if-error}, {@code immutable}.
 *
 * <p>Contradictions are compile errors on the attribute at fault: {@link #noStore()} with any other
 * directive, {@link #sMaxAge()} with {@link Visibility#PRIVATE} (the default), {@link #immutable()}
 * without a positive {@link #maxAge()}, a {@link #lastModified()} accessor that does not exist or
 * does not return a point in time, a {@link #vary()} entry that is not a header name, a malformed,
 * negative or fractional duration.
 *
 * <p>Durations are strings such as {@code "30s"}, {@code "5m"}, {@code "1h"}, {@code "1d"} or
 * ISO-8601 such as {@code "PT1H"}, in whole seconds, since HTTP counts in seconds ({@code "1500ms"}
 * is an error), and at most 2147483648 seconds (68 years), beyond which caches stop counting;
 * {@code ""} means "not set": the directive is not sent.
 *
 * <p>Serving the annotated method is done by the runtime's {@code dev.cachegen.runtime.http}
 * package, which computes the entity tag once per cached value, not once per request.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface CacheControl {

  /**
   * Whether shared caches may store the response ({@code public}) or only the client that asked
   * ({@code private}).
   *
   * <p>The default is {@link Visibility#PRIVATE}: the processor cannot know whether an answer
   * depends on who asks, and a per-user answer stored by a CDN is a data leak, while a public
   * answer kept out of a CDN is only a cost. Say {@code visibility = Visibility.PUBLIC} for answers
   * that are the same for everyone. With {@link #noStore()}, which forbids storing altogether,
   * {@code PUBLIC} is an error and {@code PRIVATE} is not sent.
   *
   * <pre>{@code
   * @CacheControl(visibility = Visibility.PUBLIC, maxAge = "5m")   // public, max-age=300
   * }</pre>
   */
  Visibility visibility() default Visibility.PRIVATE;

  /**
   * How long a cache may serve the response without asking the server again: the {@code max-age}
   * directive. {@code ""}, the default, sends no {@code max-age}; {@code "0s"} sends {@code
   * max-age=0}, which asks caches to revalidate on every use.
   *
   * <pre>{@code
   * @CacheControl(maxAge = "30s")   // private, max-age=30
   * }</pre>
   */
  String maxAge() default "";

  /**
   * When {@code true}, {@code max-age} is the time the served value has left in the cache, counted
   * down on every response, instead of a fixed {@link #maxAge()}: for a method whose values say how
   * long they are valid with {@code @Cached(ttlFrom = ...)}, such as a token or a price valid until
   * a point in time. A value that expires at 12:00:30 is sent at 12:00:00 with {@code max-age=30}
   * and at 12:00:20 with {@code max-age=10}, so no client keeps it past its own expiry.
   *
   * <p>The remaining time is the value's {@code ttlFrom} counted from when the response handler
   * first served that value (for an {@code Instant} or epoch-millisecond path, exactly the value's
   * expiry), never more than {@code @Cached}'s {@code ttl} from then, and {@code 0} once passed; a
   * value whose path is {@code null} gets {@code ttl}. The runtime may drop the entry a little
   * earlier (its ttl is jittered down by up to 10%), never later.
   *
   * <p>A compile error on a method that is not {@code @Cached} with a {@code ttlFrom} (or on a bulk
   * method, whose answer holds many entries), together with {@link #maxAge()} or with {@link
   * #noStore()}. {@link #immutable()} may go with it. The directive takes {@code max-age}'s place
   * in the header: {@code public, max-age=30, s-maxage=60}.
   *
   * <pre>{@code
   * record Token(String value, Instant expiresAt) {}
   *
   * @Cached(ttl = "1h", ttlFrom = "{result.expiresAt}")
   * @CacheControl(maxAgeFromTtl = true)
   * Token token(String user);                  // private, max-age=<seconds left>
   * }</pre>
   */
  boolean maxAgeFromTtl() default false;

  /**
   * How long shared caches (and only they) may serve the response without asking again, overriding
   * {@link #maxAge()} for them: the {@code s-maxage} directive. Requires {@link Visibility#PUBLIC}.
   *
   * <pre>{@code
   * // browsers keep it a minute, the CDN ten minutes:
   * @CacheControl(visibility = Visibility.PUBLIC, maxAge = "1m", sMaxAge = "10m")
   * }</pre>
   */
  String sMaxAge() default "";

  /**
   * For how long after the response became stale a cache may still serve it while it revalidates in
   * the background: the {@code stale-while-revalidate} extension (RFC 5861). Must be positive.
   *
   * <pre>{@code
   * @CacheControl(visibility = Visibility.PUBLIC, maxAge = "1m", staleWhileRevalidate = "30s")
   * }</pre>
   */
  String staleWhileRevalidate() default "";

  /**
   * For how long after the response became stale a cache may still serve it when the server fails
   * (a 5xx answer or no answer): the {@code stale-if-error} extension (RFC 5861). Must be positive.
   *
   * <pre>{@code
   * @CacheControl(visibility = Visibility.PUBLIC, maxAge = "1m", staleIfError = "1d")
   * }</pre>
   */
  String staleIfError() default "";

  /**
   * When {@code true}, no cache may store the response at all: the {@code no-store} directive, for
   * answers that must never sit on a disk, such as a balance. Excludes every other directive, as a
   * compile error rather than silently: the freshness attributes ({@link #maxAge()}, {@link
   * #sMaxAge()}, {@link #immutable()}, the stale extensions), {@link #noCache()}, {@link
   * #mustRevalidate()} and {@code visibility = PUBLIC}.
   *
   * <p>Validators are still sent and conditional requests still evaluated: {@code If-Match} on an
   * update protects against lost updates whether or not the response may be stored, and a {@code
   * 304} carries no content, so it reveals nothing.
   *
   * <pre>{@code
   * @CacheControl(noStore = true)   // no-store
   * }</pre>
   */
  boolean noStore() default false;

  /**
   * When {@code true}, caches may store the response but must ask the server before every use: the
   * {@code no-cache} directive. Cheap with an {@link #etag()}: the server answers {@code 304 Not
   * Modified} without a body when nothing changed.
   *
   * <pre>{@code
   * @CacheControl(visibility = Visibility.PUBLIC, noCache = true)   // public, no-cache
   * }</pre>
   */
  boolean noCache() default false;

  /**
   * When {@code true}, once stale the response must not be used without a successful revalidation,
   * even when the server cannot be reached: the {@code must-revalidate} directive.
   *
   * <pre>{@code
   * @CacheControl(maxAge = "0s", mustRevalidate = true)   // private, max-age=0, must-revalidate
   * }</pre>
   */
  boolean mustRevalidate() default false;

  /**
   * When {@code true}, the response never changes while fresh, so clients need not revalidate it
   * even when the user reloads: the {@code immutable} extension (RFC 8246). For content-addressed
   * resources, whose URL changes whenever the content does. Requires {@link #maxAge()}.
   *
   * <pre>{@code
   * @CacheControl(visibility = Visibility.PUBLIC, maxAge = "365d", immutable = true)
   * }</pre>
   */
  boolean immutable() default false;

  /**
   * The entity tag sent with the response: {@link ETag#STRONG}, the default, computed from the
   * body's bytes; {@link ETag#WEAK}; or {@link ETag#NONE}. {@code NONE} contradicts no other
   * attribute: {@code Last-Modified} is always sent, so clients can still revalidate, at a
   * resolution of one second.
   *
   * <pre>{@code
   * @CacheControl(maxAge = "1m", etag = ETag.WEAK)   // ETag: W/"..."
   * }</pre>
   */
  ETag etag() default ETag.STRONG;

  /**
   * The name of an accessor of the returned type that tells when the value last changed, sent as
   * {@code Last-Modified} and compared with {@code If-Modified-Since} and {@code
   * If-Unmodified-Since}: a record component, a no-arg method, or a getter named by its property
   * ({@code "updatedAt"} finds {@code getUpdatedAt()}). It must return {@code java.time.Instant},
   * {@code OffsetDateTime}, {@code ZonedDateTime} or {@code java.util.Date} (subclasses included;
   * read with {@code getTime()}, so {@code java.sql.Date} works); {@code LocalDateTime} and {@code
   * LocalDate}, which name no instant, and epoch numbers, whose unit the processor cannot know, are
   * compile errors. {@code ""}, the default, and an accessor returning {@code null} use the time
   * the value was stored in the cache. HTTP dates have a resolution of one second. On an interface,
   * every method it covers must have the accessor.
   *
   * <pre>{@code
   * record Article(long id, String body, Instant updatedAt) {}
   *
   * @CacheControl(maxAge = "1m", lastModified = "updatedAt")
   * Article article(long id);
   * }</pre>
   */
  String lastModified() default "";

  /**
   * The request headers the response depends on, sent as {@code Vary}, so caches keep one copy per
   * combination of their values. Empty by default.
   *
   * <pre>{@code
   * @CacheControl(visibility = Visibility.PUBLIC, maxAge = "1m", vary = {"Accept-Language"})
   * }</pre>
   */
  String[] vary() default {};
}
