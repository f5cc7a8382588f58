package dev.cachegen.processor.validation;

import dev.cachegen.processor.model.Shape;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * Describes the shape of a cached value type canonically and fingerprints it. The fingerprint is
 * part of every shared key, so after a deploy that changes a record's components the new code reads
 * a miss instead of failing to decode what the old code stored.
 *
 * <p>The description: records as {@code com.acme.Item(id:long,name:java.lang.String)}; other
 * classes declared outside {@code java.}/{@code javax.} by their instance fields (not static, not
 * transient, superclass fields first), or by their bean getters when they have no fields; enums by
 * their constants {@code com.acme.Color[RED,GREEN]}; platform types by name and type arguments;
 * arrays as {@code T[]}; a type met again while it is being described as {@code @Name}.
 */
public final class ShapeFingerprint {
  private final Types types;

  /** Describes types with {@code types}. */
  public ShapeFingerprint(Types types) {
    this.types = types;
  }

  /** The shape of {@code type}. */
  public Shape of(TypeMirror type) {
    String description = describe(type, new ArrayDeque<>());
    return new Shape(hash(description), description);
  }

  /** The first 8 hex digits of the SHA-256 of {@code description}'s UTF-8 bytes. */
  public static String hash(String description) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      byte[] digest = sha256.digest(description.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private String describe(TypeMirror type, Deque<String> inProgress) {
    if (type.getKind().isPrimitive()) {
      return type.getKind().name().toLowerCase(Locale.ROOT);
    }
    if (type instanceof ArrayType array) {
      return describe(array.getComponentType(), inProgress) + "[]";
    }
    if (type instanceof WildcardType wildcard) {
      if (wildcard.getExtendsBound() != null) {
        return "? extends " + describe(wildcard.getExtendsBound(), inProgress);
      }
      return wildcard.getSuperBound() == null
          ? "?"
          : "? super " + describe(wildcard.getSuperBound(), inProgress);
    }
    if (!(type instanceof DeclaredType declared) || type.getKind() != TypeKind.DECLARED) {
      return type.toString();
    }
    TypeElement element = (TypeElement) declared.asElement();
    String name = element.getQualifiedName().toString();
    if (name.startsWith("java.") || name.startsWith("javax.")) {
      return name + typeArguments(declared, inProgress);
    }
    if (inProgress.contains(name)) {
      return "@" + name;
    }
    inProgress.push(name);
    try {
      return switch (element.getKind()) {
        case ENUM -> name + "[" + enumConstants(element) + "]";
        case RECORD -> name + "(" + members(recordComponents(declared), inProgress) + ")";
        default -> name + "(" + members(fieldsOrGetters(declared), inProgress) + ")";
      };
    } finally {
      inProgress.pop();
    }
  }

  private String typeArguments(DeclaredType type, Deque<String> inProgress) {
    if (type.getTypeArguments().isEmpty()) {
      return "";
    }
    return type.getTypeArguments().stream()
        .map(argument -> describe(argument, inProgress))
        .collect(Collectors.joining(",", "<", ">"));
  }

  private static String enumConstants(TypeElement element) {
    return element.getEnclosedElements().stream()
        .filter(e -> e.getKind() == ElementKind.ENUM_CONSTANT)
        .map(e -> e.getSimpleName().toString())
        .collect(Collectors.joining(","));
  }

  /** A named member and its type as a member of the described type. */
  private record Member(String name, TypeMirror type) {}

  private String members(List<Member> members, Deque<String> inProgress) {
    return members.stream()
        .map(member -> member.name() + ":" + describe(member.type(), inProgress))
        .collect(Collectors.joining(","));
  }

  private List<Member> recordComponents(DeclaredType type) {
    List<Member> members = new ArrayList<>();
    for (RecordComponentElement component :
        ElementFilter.recordComponentsIn(type.asElement().getEnclosedElements())) {
      ExecutableType accessor = (ExecutableType) types.asMemberOf(type, component.getAccessor());
      members.add(new Member(component.getSimpleName().toString(), accessor.getReturnType()));
    }
    return members;
  }

  private List<Member> fieldsOrGetters(DeclaredType type) {
    List<Member> fields = new ArrayList<>();
    collectFields(type, fields);
    return fields.isEmpty() ? getters(type) : fields;
  }

  /** Instance fields, superclass first, stopping at platform classes. */
  private void collectFields(DeclaredType type, List<Member> fields) {
    TypeElement element = (TypeElement) type.asElement();
    String name = element.getQualifiedName().toString();
    if (name.startsWith("java.") || name.startsWith("javax.")) {
      return;
    }
    for (TypeMirror supertype : types.directSupertypes(type)) {
      Element superElement = types.asElement(supertype);
      if (superElement != null
          && superElement.getKind() == ElementKind.CLASS
          && supertype instanceof DeclaredType superDeclared) {
        collectFields(superDeclared, fields);
      }
    }
    for (VariableElement field : ElementFilter.fieldsIn(element.getEnclosedElements())) {
      if (!field.getModifiers().contains(Modifier.STATIC)
          && !field.getModifiers().contains(Modifier.TRANSIENT)) {
        fields.add(new Member(field.getSimpleName().toString(), types.asMemberOf(type, field)));
      }
    }
  }

  private List<Member> getters(DeclaredType type) {
    List<Member> getters = new ArrayList<>();
    for (ExecutableElement method :
        ElementFilter.methodsIn(type.asElement().getEnclosedElements())) {
      String property = Accessors.beanProperty(method);
      if (property != null) {
        ExecutableType member = (ExecutableType) types.asMemberOf(type, method);
        getters.add(new Member(property, member.getReturnType()));
      }
    }
    return getters;
  }
}
