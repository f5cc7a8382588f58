package dev.cachegen.processor.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Resolves the names of key templates to methods: {@code {user.id}} follows a record component or
 * no-arg method {@code id()}, else a bean getter {@code getId()}, or {@code isId()} for a boolean,
 * always on the declared type.
 */
final class Accessors {
  /** Methods every object has; never offered as accessors. */
  private static final Set<String> OBJECT_METHODS = Set.of("getClass", "hashCode", "toString");

  /**
   * A resolved accessor.
   *
   * @param method the method's name
   * @param returnType its return type as a member of the type it was called on
   */
  record Resolved(String method, TypeMirror returnType) {}

  private final Elements elements;
  private final Types types;

  Accessors(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /** The accessor {@code name} of {@code type}, if it has one. */
  Optional<Resolved> resolve(TypeMirror type, String name) {
    if (!(type instanceof DeclaredType declared)) {
      return Optional.empty();
    }
    String capitalized = name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    for (String candidate : List.of(name, "get" + capitalized, "is" + capitalized)) {
      for (ExecutableElement method : candidates(declared)) {
        if (method.getSimpleName().contentEquals(candidate)) {
          TypeMirror returnType =
              ((ExecutableType) types.asMemberOf(declared, method)).getReturnType();
          boolean booleanGetter =
              returnType.getKind() == TypeKind.BOOLEAN
                  || returnType.toString().equals("java.lang.Boolean");
          if (!candidate.startsWith("is") || candidate.equals(name) || booleanGetter) {
            return Optional.of(new Resolved(candidate, returnType));
          }
        }
      }
    }
    return Optional.empty();
  }

  /** The names a template could use on {@code type}, for an error message. */
  List<String> namesOn(TypeMirror type) {
    List<String> names = new ArrayList<>();
    if (type instanceof DeclaredType declared) {
      for (ExecutableElement method : candidates(declared)) {
        String property = beanProperty(method);
        String name = property != null ? property : method.getSimpleName().toString();
        if (!names.contains(name)) {
          names.add(name);
        }
      }
    }
    return names;
  }

  /** Each name of {@link #namesOn} with the type its accessor returns, in the same order. */
  Map<String, TypeMirror> typesOn(TypeMirror type) {
    Map<String, TypeMirror> named = new LinkedHashMap<>();
    for (String name : namesOn(type)) {
      resolve(type, name).ifPresent(resolved -> named.put(name, resolved.returnType()));
    }
    return named;
  }

  /** Public, non-static, no-arg, non-void methods without checked exceptions. */
  private List<ExecutableElement> candidates(DeclaredType type) {
    List<ExecutableElement> methods = new ArrayList<>();
    TypeElement element = (TypeElement) type.asElement();
    for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(element))) {
      if (method.getModifiers().contains(Modifier.PUBLIC)
          && !method.getModifiers().contains(Modifier.STATIC)
          && method.getParameters().isEmpty()
          && method.getTypeParameters().isEmpty()
          && method.getThrownTypes().isEmpty()
          && method.getReturnType().getKind() != TypeKind.VOID
          && !OBJECT_METHODS.contains(method.getSimpleName().toString())) {
        methods.add(method);
      }
    }
    return methods;
  }

  /**
   * The property of a bean getter ({@code getId} gives {@code id}, {@code isActive} gives {@code
   * active}), or {@code null} when {@code method} is not one.
   */
  static String beanProperty(ExecutableElement method) {
    if (method.getModifiers().contains(Modifier.STATIC)
        || !method.getParameters().isEmpty()
        || method.getReturnType().getKind() == TypeKind.VOID) {
      return null;
    }
    String name = method.getSimpleName().toString();
    if (name.equals("getClass")) {
      return null;
    }
    boolean isBoolean = method.getReturnType().getKind() == TypeKind.BOOLEAN;
    String rest;
    if (name.startsWith("get") && name.length() > 3) {
      rest = name.substring(3);
    } else if (isBoolean && name.startsWith("is") && name.length() > 2) {
      rest = name.substring(2);
    } else {
      return null;
    }
    if (!Character.isUpperCase(rest.charAt(0))) {
      return null;
    }
    // The JavaBeans rule: "URL" stays "URL", "Id" becomes "id".
    if (rest.length() > 1 && Character.isUpperCase(rest.charAt(1))) {
      return rest;
    }
    return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
  }
}
