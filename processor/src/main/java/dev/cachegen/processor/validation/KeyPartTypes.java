package dev.cachegen.processor.validation;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * Which types may form a cache key: those whose text form is stable and faithful, so that equal
 * values give equal keys on every JVM and different values never meet.
 */
final class KeyPartTypes {
  private static final Set<String> LEAVES =
      Set.of(
          "java.lang.Boolean",
          "java.lang.Byte",
          "java.lang.Short",
          "java.lang.Integer",
          "java.lang.Long",
          "java.lang.Float",
          "java.lang.Double",
          "java.lang.Character",
          "java.lang.String",
          "java.util.UUID",
          "java.math.BigInteger",
          "java.math.BigDecimal",
          "java.time.Instant",
          "java.time.LocalDate",
          "java.time.LocalDateTime",
          "java.time.LocalTime",
          "java.time.OffsetDateTime",
          "java.time.OffsetTime",
          "java.time.ZonedDateTime",
          "java.time.Duration",
          "java.time.Period",
          "java.time.Year",
          "java.time.YearMonth",
          "java.time.MonthDay",
          "java.time.ZoneOffset");

  private final Types types;

  KeyPartTypes(Types types) {
    this.types = types;
  }

  /** Whether {@code type} is written as one value: a primitive, box, string, enum, ... */
  boolean isLeaf(TypeMirror type) {
    if (type.getKind().isPrimitive()) {
      return true;
    }
    return typeElement(type)
        .map(
            e ->
                e.getKind() == ElementKind.ENUM || LEAVES.contains(e.getQualifiedName().toString()))
        .orElse(false);
  }

  /**
   * The element type of {@code type} when it is an array whose elements are leaves or leaf records
   * (one dimension), written element by element; empty otherwise.
   */
  Optional<TypeMirror> keyArrayElement(TypeMirror type) {
    if (type instanceof ArrayType array) {
      TypeMirror element = array.getComponentType();
      if (isLeaf(element) || leafRecordComponents(element).isPresent()) {
        return Optional.of(element);
      }
    }
    return Optional.empty();
  }

  /**
   * The component accessors of {@code type} when it is a record of leaf values, written as the
   * group of its components; empty otherwise.
   */
  Optional<List<String>> leafRecordComponents(TypeMirror type) {
    Optional<TypeElement> element = typeElement(type);
    if (element.isEmpty() || element.get().getKind() != ElementKind.RECORD) {
      return Optional.empty();
    }
    List<RecordComponentElement> components =
        ElementFilter.recordComponentsIn(element.get().getEnclosedElements());
    if (components.isEmpty()) {
      return Optional.empty();
    }
    for (RecordComponentElement component : components) {
      ExecutableType accessor =
          (ExecutableType) types.asMemberOf((DeclaredType) type, component.getAccessor());
      if (!isLeaf(accessor.getReturnType())) {
        return Optional.empty();
      }
    }
    return Optional.of(
        components.stream().map(c -> c.getAccessor().getSimpleName().toString()).toList());
  }

  private static Optional<TypeElement> typeElement(TypeMirror type) {
    if (type instanceof DeclaredType declared
        && declared.asElement() instanceof TypeElement element) {
      return Optional.of(element);
    }
    return Optional.empty();
  }
}
