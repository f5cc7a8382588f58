package dev.cachegen.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * After the delegate returns normally, evicts the key {@link #key()} from the cache {@link #name()}
 * (or every entry of it, with {@link #allEntries()}), in both tiers and in every runtime's
 * in-process tier. Repeat the annotation to evict from several caches.
 *
 * <pre>{@code
 * public interface ItemService {
 *   @Cached(name = "items")
 *   Item find(long id);
 *
 *   @Cached(name = "items.byOwner", key = "{owner.id}")
 *   List<Item> byOwner(Owner owner);
 *
 *   @Invalidate(name = "items")                          // key: the parameters, (id)
 *   @Invalidate(name = "items.byOwner", allEntries = true)
 *   void delete(long id);
 * }
 * }</pre>
 *
 * <p>The cache must be read by a {@link Cached} method of the same interface, and the key must have
 * the shape of that method's key (the same text and value types), which the processor checks.
 * Evicting every entry costs the same however many there are: the cache's generation moves on. When
 * the delegate throws, nothing is evicted. For a method that returns {@code CompletableFuture} or
 * {@code CompletionStage}, the eviction happens when the future completes normally, and the
 * returned future completes after it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
@Repeatable(Invalidate.List.class)
public @interface Invalidate {

  /** The cache to evict from, as named by its {@link Cached} method, such as {@code "items"}. */
  String name();

  /**
   * The key template, over the method's parameters and {@code result} (the returned value, when no
   * parameter has that name). Defaults to the parameters marked {@link CacheKey}, else every
   * parameter in declaration order, as for {@link Cached}. Not allowed with {@link #allEntries()}.
   */
  String key() default "";

  /** When {@code true}, evicts every entry of the cache instead of one key. */
  boolean allEntries() default false;

  /** Holds repeated {@link Invalidate} annotations; the compiler writes it for you. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.METHOD)
  @interface List {
    /** The repeated annotations, in source order. */
    Invalidate[] value();
  }
}
