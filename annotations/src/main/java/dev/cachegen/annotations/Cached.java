package dev.cachegen.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Caches the result of an interface method: cache-aside over an in-process tier (L1, Caffeine) and,
 * when the runtime has Redis, a shared tier (L2).
 *
 * <p>For an interface {@code com.acme.ItemService} with at least one {@code @Cached} method, the
 * cachegen annotation processor writes {@code com.acme.CachedItemService}, a decorator that
 * implements the interface. A call of a {@code @Cached} method looks in L1, then in L2, and only
 * then calls the delegate; the delegate's answer is stored in both tiers.
 *
 * <pre>{@code
 * public interface ItemService {
 *   @Cached(ttl = "10m")
 *   Item find(long id);
 *
 *   @Cached(name = "search", key = "{tenant}:{query.page}", ttl = "30s", localTtl = "5s")
 *   List<Item> search(String tenant, Query query);
 * }
 *
 * ItemService items = new CachedItemService(new JdbcItemService(dataSource), CacheRuntime.inMemory());
 * }</pre>
 *
 * <p>Everything here is checked when the interface is compiled: a template that names an unknown
 * parameter or accessor, a malformed duration or a return type that cannot be decoded is a compile
 * error on this annotation, never a surprise at run time.
 *
 * <p>The method's exact return type, generics included, is what the cached bytes are read back as.
 * {@code Optional<T>} is cached as a {@code T} (empty is a {@code null}); {@code
 * CompletableFuture<T>} and {@code CompletionStage<T>} are cached as the {@code T} they complete
 * with. An exception thrown by the delegate is never cached.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Cached {

  /**
   * The cache's name, the namespace of its keys. Letters, digits, {@code '.'}, {@code '_'} and
   * {@code '-'}. Defaults to {@code InterfaceSimpleName.methodName}, for example {@code
   * "ItemService.find"}.
   */
  String name() default "";

  /**
   * The key template. Names parameters in braces and may follow accessors of records and beans:
   * {@code "{id}"}, {@code "user:{user.id}"}, {@code "{tenant}:{query.page}"}. Defaults to every
   * parameter in declaration order, or to the parameters marked {@link CacheKey}. Two different
   * arguments never share a key: values are escaped and delimited, so {@code ("a:b", "c")} and
   * {@code ("a", "b:c")} are distinct.
   */
  String key() default "";

  /**
   * How long an entry lives in the shared tier (and at most in the local one): {@code "250ms"},
   * {@code "30s"}, {@code "5m"}, {@code "1h"}, {@code "1d"} or ISO-8601 such as {@code "PT5M"}. In
   * Redis, each entry's time to live is shortened by a random jitter of up to 10% so that entries
   * written together do not all expire together.
   */
  String ttl() default "5m";

  /**
   * How long an entry lives in the in-process tier. Defaults to the smaller of {@link #ttl()} and
   * one minute: a short local life bounds how stale one JVM can be after another JVM wrote. Must
   * not be longer than {@link #ttl()}.
   */
  String localTtl() default "";

  /**
   * Tag templates attached to every entry of this method, such as {@code "owner:{owner.id}"}, for
   * invalidation of many entries at once with {@link InvalidateTags}. Templates name parameters
   * like {@link #key()} does. A {@link WriteThrough} or {@link WriteBehind} into this cache must
   * declare as many tags, so that written entries can be invalidated too.
   */
  String[] tags() default {};

  /** When {@code true}, a read extends the entry's life, in both tiers. */
  boolean sliding() default false;

  /**
   * When {@code true}, a {@code null} answer (or an empty {@code Optional}) is cached like any
   * other value (negative caching). When {@code false}, the default, a {@code null} is returned but
   * not stored, so the next call asks the delegate again.
   */
  boolean cacheNulls() default false;

  /**
   * What happens when many callers miss the same key at once. {@link StampedePolicy#LOCK}, the
   * default, lets one caller load while the others wait for its answer; {@link StampedePolicy#NONE}
   * lets every caller load.
   */
  StampedePolicy stampede() default StampedePolicy.LOCK;

  /**
   * The beta of probabilistic early refresh (XFetch): with a value above zero an entry may be
   * reloaded in the background shortly before it expires, more eagerly for larger values; {@code
   * 1.0} is the usual choice. {@code 0}, the default, turns early refresh off.
   */
  double earlyRefresh() default 0;
}
