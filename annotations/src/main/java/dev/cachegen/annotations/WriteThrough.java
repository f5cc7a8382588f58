package dev.cachegen.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Write-through: after the delegate returns normally, stores a value in the cache {@link #name()}
 * under {@link #key()}, in both tiers, and tells every other runtime to drop its in-process copy.
 * The next read of that key is answered from the cache, with the new value.
 *
 * <pre>{@code
 * public interface ItemService {
 *   @Cached(name = "items", ttl = "10m")
 *   Item find(long id);
 *
 *   // stores the parameter: key {item.id} gives the same key as find's {id}
 *   @WriteThrough(name = "items", key = "{item.id}", value = "item")
 *   void save(Item item);
 *
 *   // stores the returned value; "result" names it in templates
 *   @WriteThrough(name = "items", key = "{result.id}")
 *   Item create(NewItem draft);
 * }
 * }</pre>
 *
 * <p>The cache must be read by a {@link Cached} method of the same interface, which defines its
 * value type, time to live and tags. The processor checks that this method writes that value type
 * under a key of the same shape (the same text and the same value types, so the id written here is
 * the key read there) and that the entry carries the same number of tags; each mismatch is a
 * compile error.
 *
 * <p>When the delegate throws, nothing is written and the exception reaches the caller unchanged.
 * For a method that returns {@code CompletableFuture} or {@code CompletionStage}, the value is
 * stored when the future completes normally, and the returned future completes after that. An
 * {@code Optional} result is stored as its value ({@code null} when empty). A {@code null} value
 * evicts the key unless the cache caches nulls.
 *
 * <p>May be combined with {@link Invalidate} and {@link InvalidateTags}, which act after the write,
 * but not with {@link Cached} or {@link WriteBehind}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface WriteThrough {

  /** The cache to write, as named by its {@link Cached} method, such as {@code "items"}. */
  String name();

  /**
   * The key template, over the method's parameters and {@code result} (the returned value, when no
   * parameter has that name): {@code "{item.id}"}, {@code "{result.id}"}. Defaults to the
   * parameters marked {@link CacheKey}, else every parameter in declaration order except the one
   * named by {@link #value()}.
   */
  String key() default "";

  /**
   * The parameter whose value is stored, such as {@code "item"}. Defaults to the returned value; a
   * {@code void} method must name a parameter.
   */
  String value() default "";

  /**
   * Tag templates attached to the written entry, over the method's parameters and {@code result}.
   * Required, one per template, when the cache's {@link Cached} method declares tags: an entry
   * written without them would be missed by {@link InvalidateTags}. Constant tags (without braces,
   * such as {@code "products"}) are inherited: a write may declare only the cache's templated tags,
   * in order, and carries the constant ones too.
   */
  String[] tags() default {};
}
