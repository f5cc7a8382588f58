package dev.cachegen.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Write-behind: stores the value in the cache {@link #name()} now, queues the call to the delegate
 * and returns at once. The runtime applies queued calls in order, retrying with backoff, and moves
 * a call that failed {@link #maxAttempts()} times to a dead-letter list that {@code
 * CacheRuntime.deadLetters(queue)} shows and {@code replayDeadLetters(queue)} queues again.
 *
 * <pre>{@code
 * public interface ItemService {
 *   @Cached(name = "items", ttl = "10m")
 *   Item find(long id);
 *
 *   @WriteBehind(name = "items", key = "{item.id}", value = "item", coalesce = true)
 *   void rename(Item item);
 * }
 * }</pre>
 *
 * <p>The queue is named like a default cache name, {@code InterfaceSimpleName.methodName} ({@code
 * "ItemService.rename"}), with {@code _2}, {@code _3} for further overloads. A queued call is a
 * record of the method's arguments, stored with the codec, so every parameter type must be one the
 * codec can read back (the same rule as for {@link Cached} return types).
 *
 * <p><b>Delivery.</b> With Redis the queue is durable: a call that returned is applied even if this
 * JVM is killed, by this runtime after a restart or by another one. It is applied exactly once in
 * the normal case and <em>at least once</em> across crashes, so the delegate's write must tolerate
 * being applied twice (an upsert or a versioned update). Without Redis the queue is in memory: it
 * is drained by {@code CacheRuntime.close()} but <em>not durable</em>.
 *
 * <p>The method must return {@code void}: the delegate has not run when it returns. The cache must
 * be read by a {@link Cached} method of the same interface, and the same checks as for {@link
 * WriteThrough} apply to key, value and tags. May be combined with {@link Invalidate} and {@link
 * InvalidateTags}, which act right after the value was stored.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface WriteBehind {

  /** The cache to write, as named by its {@link Cached} method, such as {@code "items"}. */
  String name();

  /**
   * The key template over the method's parameters, such as {@code "{item.id}"}. Defaults to the
   * parameters marked {@link CacheKey}, else every parameter in declaration order except the one
   * named by {@link #value()}.
   */
  String key() default "";

  /** The parameter whose value is stored, such as {@code "item"}; required. */
  String value() default "";

  /**
   * When {@code true}, a queued call is skipped if a later call with the same key was queued before
   * it was applied: only the last write of a key reaches the delegate.
   */
  boolean coalesce() default false;

  /** How often a call is tried before it becomes a dead letter; at least 1. */
  int maxAttempts() default 5;

  /**
   * Tag templates attached to the written entry, over the method's parameters. Required, one per
   * template, when the cache's {@link Cached} method declares tags; constant tags are inherited as
   * for {@link WriteThrough#tags()}.
   */
  String[] tags() default {};
}
