package dev.cachegen.processor.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/** Finds annotations by name on elements, without loading annotation classes. */
final class AnnotationMirrors {
  static final String CACHED = AnnotationNames.CACHED;
  static final String CACHE_KEY = AnnotationNames.CACHE_KEY;
  static final String WRITE_THROUGH = AnnotationNames.WRITE_THROUGH;
  static final String WRITE_BEHIND = AnnotationNames.WRITE_BEHIND;
  static final String INVALIDATE = AnnotationNames.INVALIDATE;
  static final String INVALIDATE_LIST = AnnotationNames.INVALIDATE_LIST;
  static final String INVALIDATE_TAGS = AnnotationNames.INVALIDATE_TAGS;
  static final String CACHE_CONTROL = AnnotationNames.CACHE_CONTROL;

  /** The annotations that make a method write or invalidate (the container stands for its own). */
  static final List<String> WRITES =
      List.of(WRITE_THROUGH, WRITE_BEHIND, INVALIDATE, INVALIDATE_LIST, INVALIDATE_TAGS);

  /** Every annotation cachegen reads on methods: all but {@code @CacheKey}, a parameter's. */
  static final List<String> ON_METHODS =
      AnnotationNames.ALL.stream().filter(name -> !name.equals(CACHE_KEY)).toList();

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

  /**
   * How messages name {@code mirror}: {@code WriteThrough}; the container as {@code Invalidate}.
   */
  static String displayName(AnnotationMirror mirror) {
    TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
    return type.getQualifiedName().contentEquals(INVALIDATE_LIST)
        ? type.getEnclosingElement().getSimpleName().toString()
        : type.getSimpleName().toString();
  }

  /** The first cachegen annotation among {@code names} on {@code element}, if any. */
  static Optional<AnnotationMirror> findAny(Element element, List<String> names) {
    for (String name : names) {
      Optional<AnnotationMirror> mirror = find(element, name);
      if (mirror.isPresent()) {
        return mirror;
      }
    }
    return Optional.empty();
  }

  /**
   * Every {@code @Invalidate} of {@code method} in source order: one written alone, or those the
   * compiler gathered in an {@code @Invalidate.List} when the annotation is repeated.
   */
  static List<AnnotationMirror> invalidates(Element method) {
    List<AnnotationMirror> all = new ArrayList<>();
    find(method, INVALIDATE).ifPresent(all::add);
    find(method, INVALIDATE_LIST)
        .ifPresent(
            container -> {
              for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
                  container.getElementValues().entrySet()) {
                if (entry.getKey().getSimpleName().contentEquals("value")) {
                  for (Object element : (List<?>) entry.getValue().getValue()) {
                    all.add((AnnotationMirror) ((AnnotationValue) element).getValue());
                  }
                }
              }
            });
    return all;
  }
}
