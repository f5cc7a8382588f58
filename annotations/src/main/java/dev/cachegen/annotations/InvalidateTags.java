package dev.cachegen.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * After the delegate returns normally, invalidates every entry that carries one of the tags, in
 * every cache and every runtime. Entries get tags from {@link Cached#tags()} (and from the {@code
 * tags} of {@link WriteThrough} and {@link WriteBehind}).
 *
 * <pre>{@code
 * public interface ItemService {
 *   @Cached(name = "items.byOwner", key = "{owner.id}", tags = "owner:{owner.id}")
 *   List<Item> byOwner(Owner owner);
 *
 *   @Cached(name = "items.count", key = "{owner.id}", tags = "owner:{owner.id}")
 *   int count(Owner owner);
 *
 *   @InvalidateTags("owner:{owner.id}")   // drops both entries of this owner
 *   void deleteAll(Owner owner);
 * }
 * }</pre>
 *
 * <p>A tag is written like a key: the template's text, then each value in brackets, so {@code
 * "owner:{owner.id}"} with owner 42 is the tag {@code owner:[42]}. Templates name the method's
 * parameters and {@code result} (the returned value, when no parameter has that name), and are
 * checked at compile time. Invalidating a tag costs the same however many entries carry it. When
 * the delegate throws, nothing is invalidated; for a method that returns {@code CompletableFuture}
 * or {@code CompletionStage}, the tags are invalidated when the future completes normally.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface InvalidateTags {

  /** The tag templates, such as {@code "owner:{owner.id}"}; at least one. */
  String[] value();
}
