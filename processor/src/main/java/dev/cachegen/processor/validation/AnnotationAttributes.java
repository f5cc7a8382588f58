package dev.cachegen.processor.validation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * The attributes of one cachegen annotation, read from its mirror so the processor never loads the
 * annotation class. Each attribute comes with the {@link AnnotationValue} the user wrote, or {@code
 * null} when the default applies, so errors can point at the value itself.
 */
final class AnnotationAttributes {
  private final AnnotationMirror mirror;
  private final Map<String, AnnotationValue> written = new HashMap<>();
  private final Map<String, AnnotationValue> effective = new HashMap<>();

  AnnotationAttributes(AnnotationMirror mirror, Elements elements) {
    this.mirror = mirror;
    mirror
        .getElementValues()
        .forEach((method, value) -> written.put(method.getSimpleName().toString(), value));
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        elements.getElementValuesWithDefaults(mirror).entrySet()) {
      effective.put(entry.getKey().getSimpleName().toString(), entry.getValue());
    }
  }

  AnnotationMirror mirror() {
    return mirror;
  }

  /** The annotation's simple name, such as {@code WriteThrough}, for messages. */
  String simpleName() {
    return mirror.getAnnotationType().asElement().getSimpleName().toString();
  }

  /** The value the user wrote for {@code attribute}, or {@code null} for a default. */
  AnnotationValue written(String attribute) {
    return written.get(attribute);
  }

  /**
   * The element {@code index} of the array the user wrote for {@code attribute}, else the whole
   * value, else {@code null}. A single value written without braces counts as an array of one.
   */
  AnnotationValue writtenElement(String attribute, int index) {
    AnnotationValue value = written.get(attribute);
    if (value != null && value.getValue() instanceof List<?> elements && index < elements.size()) {
      return (AnnotationValue) elements.get(index);
    }
    return value;
  }

  String string(String attribute) {
    return (String) effective.get(attribute).getValue();
  }

  boolean bool(String attribute) {
    return (Boolean) effective.get(attribute).getValue();
  }

  int integer(String attribute) {
    return ((Number) effective.get(attribute).getValue()).intValue();
  }

  double number(String attribute) {
    return ((Number) effective.get(attribute).getValue()).doubleValue();
  }

  /** The simple name of an enum constant value, such as {@code LOCK}. */
  String enumConstant(String attribute) {
    return ((VariableElement) effective.get(attribute).getValue()).getSimpleName().toString();
  }

  /** The elements of an array value. */
  List<?> list(String attribute) {
    return (List<?>) effective.get(attribute).getValue();
  }

  /** The strings of a {@code String[]} value. */
  List<String> strings(String attribute) {
    return list(attribute).stream().map(v -> (String) ((AnnotationValue) v).getValue()).toList();
  }
}
