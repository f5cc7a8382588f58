package dev.cachegen.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the parameters that form the cache key of a {@link Cached}, {@link WriteThrough}, {@link
 * WriteBehind} or {@link Invalidate} method whose key is not a template, when the other parameters
 * must not take part in it.
 *
 * <pre>{@code
 * @Cached
 * Report report(@CacheKey long accountId, @CacheKey YearMonth month, RequestContext context);
 * }</pre>
 *
 * <p>The key is made of the marked parameters in declaration order. A method may use either
 * {@code @CacheKey} or {@link Cached#key()}, not both: the compiler says so when it meets both.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface CacheKey {}
