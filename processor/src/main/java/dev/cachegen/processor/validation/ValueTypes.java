package dev.cachegen.processor.validation;

import dev.cachegen.processor.diagnostics.Diagnostics;
import dev.cachegen.processor.diagnostics.Message;
import dev.cachegen.processor.model.ReturnKind;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Types;

/**
 * Decides what a {@code @Cached} method stores: the return kind and the value type, and checks that
 * the value type is fully known at compile time, because the codec reads cached bytes back as
 * exactly that type and no type information is stored with them.
 */
final class ValueTypes {
  /** Abstract types the codec knows how to create: Jackson picks standard implementations. */
  private static final Set<String> COLLECTION_FAMILY =
      Set.of(
          "java.util.Collection",
          "java.util.List",
          "java.util.Set",
          "java.util.SortedSet",
          "java.util.NavigableSet",
          "java.util.Queue",
          "java.util.Deque",
          "java.util.Map",
          "java.util.SortedMap",
          "java.util.NavigableMap");

  /**
   * What a method returns, unwrapped.
   *
   * @param kind how the value is wrapped
   * @param valueType the type stored in the cache
   */
  record Unwrapped(ReturnKind kind, TypeMirror valueType) {}

  private final Types types;
  private final Diagnostics diagnostics;

  ValueTypes(Types types, Diagnostics diagnostics) {
    this.types = types;
    this.diagnostics = diagnostics;
  }

  /**
   * The return kind and value type of {@code method}, whose return type as a member of the
   * decorated interface is {@code returnType}; empty after reporting an error on {@code cached}.
   */
  Optional<Unwrapped> unwrap(
      ExecutableElement method, TypeMirror returnType, AnnotationMirror cached) {
    String name = method.getSimpleName().toString();
    if (returnType.getKind() == TypeKind.VOID) {
      diagnostics.error(method, cached, Message.CACHED_VOID_RETURN, name);
      return Optional.empty();
    }
    if (returnType.getKind().isPrimitive()) {
      TypeMirror box = types.boxedClass((PrimitiveType) returnType).asType();
      return Optional.of(new Unwrapped(ReturnKind.PRIMITIVE, box));
    }
    Unwrapped unwrapped = new Unwrapped(ReturnKind.PLAIN, returnType);
    if (returnType instanceof DeclaredType declared) {
      ReturnKind kind = wrapperKind(declared);
      if (kind != ReturnKind.PLAIN) {
        if (declared.getTypeArguments().isEmpty()) {
          diagnostics.error(
              method, cached, Message.CACHED_RAW_TYPE, name, returnType, simpleName(declared));
          return Optional.empty();
        }
        TypeMirror argument = declared.getTypeArguments().get(0);
        if (isVoid(argument) && kind.isAsync()) {
          diagnostics.error(method, cached, Message.CACHED_VOID_FUTURE, name, returnType);
          return Optional.empty();
        }
        if (argument.getKind() == TypeKind.WILDCARD) {
          diagnostics.error(
              method, cached, Message.CACHED_WILDCARD_TYPE, name, returnType, argument);
          return Optional.empty();
        }
        unwrapped = new Unwrapped(kind, argument);
      }
    }
    return knowable(method, cached, returnType, unwrapped.valueType())
        ? Optional.of(unwrapped)
        : Optional.empty();
  }

  private static ReturnKind wrapperKind(DeclaredType type) {
    String name = ((TypeElement) type.asElement()).getQualifiedName().toString();
    return switch (name) {
      case "java.util.Optional" -> ReturnKind.OPTIONAL;
      case "java.util.concurrent.CompletableFuture" -> ReturnKind.COMPLETABLE_FUTURE;
      case "java.util.concurrent.CompletionStage" -> ReturnKind.COMPLETION_STAGE;
      default -> ReturnKind.PLAIN;
    };
  }

  private static boolean isVoid(TypeMirror type) {
    return type instanceof DeclaredType declared
        && ((TypeElement) declared.asElement()).getQualifiedName().contentEquals("java.lang.Void");
  }

  /** Reports the first part of {@code type} the codec could not know; true when there is none. */
  private boolean knowable(
      ExecutableElement method, AnnotationMirror cached, TypeMirror returnType, TypeMirror type) {
    String name = method.getSimpleName().toString();
    switch (type.getKind()) {
      case TYPEVAR -> {
        diagnostics.error(
            method, cached, Message.CACHED_TYPE_VARIABLE, name, returnType, type.toString());
        return false;
      }
      case WILDCARD -> {
        TypeMirror bound = ((WildcardType) type).getExtendsBound();
        if (bound == null) {
          diagnostics.error(method, cached, Message.CACHED_WILDCARD_TYPE, name, returnType, type);
          return false;
        }
        return knowable(method, cached, returnType, bound);
      }
      case ARRAY -> {
        return knowable(method, cached, returnType, ((ArrayType) type).getComponentType());
      }
      case DECLARED -> {
        return knowableDeclared(method, cached, returnType, (DeclaredType) type);
      }
      default -> {
        return true;
      }
    }
  }

  private boolean knowableDeclared(
      ExecutableElement method, AnnotationMirror cached, TypeMirror returnType, DeclaredType type) {
    String name = method.getSimpleName().toString();
    TypeElement element = (TypeElement) type.asElement();
    if (!element.getTypeParameters().isEmpty() && type.getTypeArguments().isEmpty()) {
      diagnostics.error(
          method, cached, Message.CACHED_RAW_TYPE, name, returnType, simpleName(type));
      return false;
    }
    String qualified = element.getQualifiedName().toString();
    if (qualified.equals("java.lang.Object")) {
      diagnostics.error(method, cached, Message.CACHED_OBJECT_TYPE, name, returnType);
      return false;
    }
    boolean isAbstract =
        element.getKind() == ElementKind.INTERFACE
            || (element.getKind() == ElementKind.CLASS
                && element.getModifiers().contains(Modifier.ABSTRACT));
    if (isAbstract
        && !COLLECTION_FAMILY.contains(qualified)
        && !AnnotationMirrors.has(element, AnnotationMirrors.JSON_TYPE_INFO)) {
      String what =
          element.getKind() == ElementKind.INTERFACE ? "an interface" : "an abstract class";
      diagnostics.error(
          method,
          cached,
          Message.CACHED_ABSTRACT_TYPE,
          name,
          returnType,
          element.getSimpleName(),
          what,
          element.getSimpleName());
      return false;
    }
    List<? extends TypeMirror> arguments = type.getTypeArguments();
    for (TypeMirror argument : arguments) {
      if (!knowable(method, cached, returnType, argument)) {
        return false;
      }
    }
    return true;
  }

  private static String simpleName(DeclaredType type) {
    return type.asElement().getSimpleName().toString();
  }
}
