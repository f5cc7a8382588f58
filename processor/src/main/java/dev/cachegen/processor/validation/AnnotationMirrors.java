package dev.cachegen.processor.validation;

import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/** Finds annotations by name on elements, without loading annotation classes. */
final class AnnotationMirrors {
  static final String CACHED = "dev.cachegen.annotations.Cached";
  static final String CACHE_KEY = "dev.cachegen.annotations.CacheKey";
  static final String JSON_TYPE_INFO = "com.fasterxml.jackson.annotation.JsonTypeInfo";

  private AnnotationMirrors() {}

  /** The annotation of type {@code qualifiedName} directly on {@code element}, if any. */
  static Optional<AnnotationMirror> find(Element element, String qualifiedName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(qualifiedName)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  static boolean has(Element element, String qualifiedName) {
    return find(element, qualifiedName).isPresent();
  }
}
