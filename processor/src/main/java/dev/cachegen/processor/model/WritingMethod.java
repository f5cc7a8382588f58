package dev.cachegen.processor.model;

import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;

/**
 * A method that keeps caches current: it writes a value ({@code @WriteThrough},
 * {@code @WriteBehind}), evicts keys or whole caches ({@code @Invalidate}) and invalidates tags
 * ({@code @InvalidateTags}), in that order, after the delegate returned normally (or, for
 * write-behind, right after the call was queued).
 *
 * @param element the interface method
 * @param type the method's type as a member of the decorated interface
 * @param returnKind how the returned value is wrapped; {@link ReturnKind#PLAIN} for {@code void}
 * @param resultType the returned value as templates and writes see it (unwrapped from {@code
 *     Optional} and futures, primitives boxed), or empty when there is none ({@code void}, {@code
 *     CompletableFuture<Void>})
 * @param write the value written, if any
 * @param invalidations the evictions, in annotation order
 * @param invalidatedTags the tags invalidated, in template order
 */
public record WritingMethod(
    ExecutableElement element,
    ExecutableType type,
    ReturnKind returnKind,
    Optional<TypeMirror> resultType,
    Optional<CacheWrite> write,
    List<Invalidation> invalidations,
    List<TagTemplate> invalidatedTags)
    implements MethodModel {

  /** Copies the lists. */
  public WritingMethod {
    invalidations = List.copyOf(invalidations);
    invalidatedTags = List.copyOf(invalidatedTags);
  }
}
