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
 * with. Reactor's {@code Mono<T>} is cached as the {@code T} it emits (empty is a {@code null}) and
 * {@code Flux<T>} as the {@code List<T>} of what it emits; the decorator's publisher does nothing
 * before a subscription, its subscribers of one key share one load, a subscriber that cancels does
 * not cancel that load, and no subscription waits on Redis in the subscribing thread. An exception
 * thrown (or an error signalled) by the delegate is never cached.
 *
 * <h2>Bulk methods</h2>
 *
 * <p>A method with one parameter of type {@code Collection<K>}, {@code List<K>} or {@code Set<K>}
 * that returns {@code Map<K, V>} is a bulk method: it caches each key on its own, with the value
 * type {@code V} and the key {@code K}. A call reads every key from L1, the rest from L2 in one
 * multi-get, and calls the delegate once with only the keys still missing. Keys the delegate leaves
 * out of its map are cached as {@code null} when {@link #cacheNulls()} says so, and are absent from
 * the returned map either way. A bulk method may share its cache {@link #name()} with a single-key
 * method whose key is the same value, so that both read and fill the same entries:
 *
 * <pre>{@code
 * public interface ItemService {
 *   @Cached(name = "items")
 *   Item find(long id);
 *
 *   @Cached(name = "items")
 *   Map<Long, Item> findAll(Collection<Long> ids);
 * }
 * }</pre>
 *
 * <p>A bulk method's key is always the element itself: it takes no {@link #key()} template, no
 * other parameter and no {@link #tags()}, and {@code CompletableFuture<Map<K, V>>} is not
 * supported; {@link #ttl()}, {@link #sliding()}, {@link #cacheNulls()} and {@link #stampede()}
 * apply to its entries as to any others. A bulk read never answers with an entry that is due: it
 * reloads entries picked for early refresh or past their expiry together with the missing keys, in
 * the caller's call, and a failure reaches the caller. So a bulk method takes no {@link
 * #earlyRefresh()}, {@link #staleWhileRevalidate()} or {@link #staleIfError()}, and it cannot share
 * its cache with a method that has them: the methods of one cache must agree on these settings,
 * since the runtime builds each cache from one definition. A method that returns a {@code Map} and
 * takes a collection is read as a bulk method unless a {@code key} template or {@link CacheKey} on
 * another parameter names its key.
 *
 * <h2>Batching</h2>
 *
 * <p>A single-key method can name a bulk method of the same interface in {@link #batchWith()}: its
 * misses that arrive within {@link #batchWindow()} of each other are collected into one call of
 * that method (the DataLoader pattern against N+1 queries). The bulk method need not be cached:
 *
 * <pre>{@code
 * public interface OwnerService {
 *   @Cached(name = "owners", batchWith = "owners", batchWindow = "5ms")
 *   Owner owner(long id);
 *
 *   Map<Long, Owner> owners(Collection<Long> ids);
 * }
 * }</pre>
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

  /**
   * A condition on the arguments, checked before anything else: when it is false the call goes
   * straight to the delegate, and nothing is read from or stored in the cache. For example {@code
   * "{page} == 0"} caches the first page only. Empty (the default) always caches.
   *
   * <p>Conditions are compiled into plain Java; nothing is parsed at run time. The grammar:
   *
   * <pre>
   * condition  := or
   * or         := and ( "||" and )*
   * and        := unary ( "&amp;&amp;" unary )*
   * unary      := "!" unary | "(" or ")" | test
   * test       := "{" path "}" [ ( "==" | "!=" ) literal ]
   * literal    := null | true | false | an integer such as 0 or -1
   *             | 'text' (single quotes; ' and \ escape) | an enum constant such as ACTIVE
   * </pre>
   *
   * <p>A path names a parameter and its accessors, as in {@link #key()}; a test without a literal
   * needs a {@code boolean} or {@code Boolean} path ({@code "{query.firstPage}"}). A path that
   * meets a {@code null} (a {@code null} parameter or accessor on the way) is {@code null}: a test
   * without a literal is then false, {@code == null} true and {@code ==} any other literal false;
   * {@code !=} and {@code !} negate. Integers compare with numeric paths, {@code 'x'} with {@code
   * String} and {@code char} paths (one character), constants with enum paths. A condition cannot
   * name {@code result}: it is checked before the delegate runs (see {@link #unless()}).
   */
  String condition() default "";

  /**
   * A condition on the loaded value, checked after each load: when it is true the value is returned
   * (and shared with callers waiting for the same load) but not stored in either tier. For example
   * {@code "{result.empty}"} leaves empty lists out of the cache. The grammar is that of {@link
   * #condition()}, over {@code result} only: the value as cached, so the {@code T} of {@code
   * Optional<T>} and of futures, and each value of a bulk method's map on its own. It holds for
   * every load of the cache: plain, asynchronous, bulk, batched ({@code batchWith}) and background
   * refreshes; values stored by {@link WriteThrough} and {@link WriteBehind} are stored as written.
   * Empty (the default) stores every value.
   */
  String unless() default "";

  /**
   * The loaded value's own time to live, read from it: a path over {@code result} (the value as
   * cached) of type {@code java.time.Instant} (when it expires), {@code java.time.Duration} (how
   * long it lives) or {@code long}/{@code Long} (when it expires, in milliseconds since the epoch),
   * such as {@code "{result.expiresAt}"} for a token. It replaces {@link #ttl()} for that entry in
   * both tiers, jittered like it, and {@link #ttl()} stays the longest an entry lives (set it to
   * the longest validity you expect); the in-process tier never keeps the entry past it, whatever
   * {@link #localTtl()} says. A value that has already expired is returned but not cached; a {@code
   * null} on the path gives the entry {@link #ttl()}. Written values ({@link WriteThrough}, {@link
   * WriteBehind}) get their ttl the same way. Not with {@link #sliding()}. Empty (the default)
   * gives every entry {@link #ttl()}.
   */
  String ttlFrom() default "";

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
   * The beta of probabilistic early refresh (XFetch, Vattani, Chierichetti and Lowenstein, VLDB
   * 2015), so that a hot entry is reloaded shortly before it expires instead of every caller
   * waiting for a load after it expired. {@code 0}, the default, turns early refresh off; {@code
   * 1.0} is the usual choice, larger values refresh earlier.
   *
   * <pre>{@code
   * @Cached(ttl = "10m", earlyRefresh = 1.0)
   * Price price(String sku);
   * }</pre>
   *
   * <p>The runtime keeps how long the load of each entry took ({@code delta}). On every hit it
   * draws a random number in (0, 1] and finds the entry due once {@code now - delta * beta *
   * ln(random) >= expiry}: the closer the expiry and the slower the load, the likelier. The caller
   * that finds an entry due is answered with the current value at once, and one background load per
   * key replaces it: one across all JVMs with {@link StampedePolicy#LOCK} and Redis, one per JVM
   * with {@link StampedePolicy#NONE}. If that load fails, the current value stays until it expires.
   * Entries stored by {@link WriteThrough} or {@link WriteBehind} took no load, so they are never
   * refreshed early.
   *
   * <p>Must be a finite number, zero or more. Not with {@link #sliding()}, whose entries have no
   * fixed expiry to refresh before, and not on a bulk method (see the class documentation).
   */
  double earlyRefresh() default 0;

  /**
   * Stale-while-revalidate: how long after its expiry an entry may still be served, while one
   * background load replaces it, as a duration such as {@code "30s"}. Empty, the default, turns it
   * off.
   *
   * <pre>{@code
   * @Cached(ttl = "5m", staleWhileRevalidate = "1m")
   * CompletableFuture<Stock> stock(String sku);
   * }</pre>
   *
   * <p>Within the window after an entry's expiry, a call is answered with the old value at once and
   * starts a reload in the background (one per key, and one across JVMs with {@link
   * StampedePolicy#LOCK} and Redis); when the reload succeeds, its value replaces the entry. If it
   * fails, the old value stays, and the next call within the window tries again. After the window
   * the entry is gone and a call loads as usual. Both tiers keep each entry at least this much
   * longer than {@link #ttl()}.
   *
   * <p>Not with {@link #sliding()}, whose entries have no fixed expiry to serve a stale value
   * after, and not on a bulk method (see the class documentation).
   */
  String staleWhileRevalidate() default "";

  /**
   * Stale-if-error: how long after its expiry an entry may still be served when the delegate fails
   * to reload it, as a duration such as {@code "1h"}. Empty, the default, turns it off.
   *
   * <pre>{@code
   * @Cached(ttl = "5m", staleIfError = "1h")
   * ExchangeRate rate(Currency from, Currency to) throws RatesUnavailableException;
   * }</pre>
   *
   * <p>Within the window after an entry's expiry, a call still loads, in the caller's call; only
   * when the delegate throws an {@link Exception} (or its future fails with one) is the old value
   * returned instead, and the failure is counted, not thrown. An {@link Error} always reaches the
   * caller. With {@link #staleWhileRevalidate()} as well, the old value is served at once within
   * that window, and after it only on failures, until this window ends too. Both tiers keep each
   * entry at least this much longer than {@link #ttl()}.
   *
   * <p>Not with {@link #sliding()}, whose entries have no fixed expiry to serve a stale value
   * after, and not on a bulk method (see the class documentation).
   */
  String staleIfError() default "";

  /**
   * The name of a bulk method of the same interface ({@code Map<K, V> m(Collection<K> keys)}, or
   * with a {@code List<K>} or {@code Set<K>} parameter) that loads this method's misses in batches.
   * {@code K} is the type of this method's single key value (boxed) and {@code V} its cached value
   * type. Concurrent misses within {@link #batchWindow()} become one call of that method, with at
   * most {@link #maxBatch()} keys; a key it leaves out loads as {@code null}, and an exception it
   * throws reaches every caller of the batch. The bulk method is called on the delegate directly,
   * even when it is {@code @Cached} itself. Methods returning a primitive or a future cannot be
   * batched; {@code Optional<T>} can. Empty, the default, loads each miss with its own delegate
   * call.
   */
  String batchWith() default "";

  /**
   * How long the first miss of a batch waits for others before {@link #batchWith()} is called, as a
   * duration such as {@code "2ms"}. {@code "0ms"} batches only the misses that arrive while the
   * batch is being handed over. Only with {@link #batchWith()}.
   */
  String batchWindow() default "2ms";

  /**
   * The most keys one call of {@link #batchWith()} receives; a full batch is loaded at once,
   * without waiting for the window to close. At least 1. Only with {@link #batchWith()}.
   */
  int maxBatch() default 100;
}
