package dev.cachegen.processor.model;

import dev.cachegen.annotations.ETag;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeMirror;

/**
 * How the answers of one method are served over HTTP, from its effective {@code @CacheControl} (its
 * own, else its interface's): everything the {@code HttpCachePolicy} constant holds, rendered at
 * compile time.
 *
 * @param element the interface method
 * @param valueType the type of the served values: the return type, its box, or the {@code T} of
 *     {@code Optional<T>} and futures; never a type variable, raw type or bare wildcard
 * @param cacheControl the {@code Cache-Control} field value, such as {@code public, max-age=60}
 * @param etag the kind of entity tag
 * @param vary the {@code Vary} header names, in annotation order, possibly empty
 * @param lastModified where {@code Last-Modified} comes from, or empty for "when stored"
 * @param maxAgeFromTtl where {@code max-age} comes from when it counts down with the value's time
 *     to live ({@code cacheControl} then holds no {@code max-age}), or empty
 */
public record HttpPolicy(
    ExecutableElement element,
    TypeMirror valueType,
    String cacheControl,
    ETag etag,
    List<String> vary,
    Optional<LastModified> lastModified,
    Optional<MaxAgeFromTtl> maxAgeFromTtl) {

  /** Copies the list. */
  public HttpPolicy {
    vary = List.copyOf(vary);
  }
}
