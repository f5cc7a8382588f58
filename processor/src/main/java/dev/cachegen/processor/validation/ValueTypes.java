package dev.cachegen.processor.validation;

import dev.cachegen.processor.diagnostics.Diagnostics;
import dev.cachegen.processor.diagnostics.Message;
import dev.cachegen.processor.model.ReturnKind;
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
import javax.lang.model.util.Elements;
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
  private final TypeElement list;

  ValueTypes(Types types, Elements elements, Diagnostics diagnostics) {
    this.types = types;
    this.diagnostics = diagnostics;
    this.list = elements.getTypeElement("java.util.List");
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
      ReturnKind kind = reactiveKind(declared).orElse(wrapperKind(declared));
      if (kind != ReturnKind.PLAIN) {
        if (declared.getTypeArguments().isEmpty()) {
          diagnostics.error(
              method, cached, Message.CACHED_RAW_TYPE, name, returnType, simpleName(declared));
          return Optional.empty();
        }
        TypeMirror argument = declared.getTypeArguments().get(0);
        if (isVoid(argument) && (kind.isAsync() || kind.isReactive())) {
          diagnostics.error(method, cached, Message.CACHED_VOID_FUTURE, name, returnType);
          return Optional.empty();
        }
        if (argument.getKind() == TypeKind.WILDCARD) {
          diagnostics.error(
              method, cached, Message.CACHED_WILDCARD_TYPE, name, returnType, argument);
          return Optional.empty();
        }
        unwrapped =
            new Unwrapped(
                kind, kind == ReturnKind.FLUX ? types.getDeclaredType(list, argument) : argument);
      }
    }
    return knowable(method, cached, returnType, unwrapped.valueType())
        ? Optional.of(unwrapped)
        : Optional.empty();
  }

  /**
   * {@link ReturnKind#MONO} or {@link ReturnKind#FLUX} for Reactor's publishers; only
   * {@code @Cached} methods read them, so a write returning one keeps its plain kind.
   */
  private static Optional<ReturnKind> reactiveKind(DeclaredType type) {
    String name = ((TypeElement) type.asElement()).getQualifiedName().toString();
    return switch (name) {
      case "reactor.core.publisher.Mono" -> Optional.of(ReturnKind.MONO);
      case "reactor.core.publisher.Flux" -> Optional.of(ReturnKind.FLUX);
      default -> Optional.empty();
    };
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

  /** Why the codec could not read a type back. */
  enum ProblemKind {
    TYPE_VARIABLE,
    WILDCARD,
    RAW,
    OBJECT,
    ABSTRACT
  }

  /**
   * The first part of a type the codec could not know.
   *
   * @param kind what is wrong
   * @param part the offending part (a type variable, wildcard, raw or abstract type)
   * @param element the offending part's class, for raw and abstract types; else {@code null}
   */
  record Problem(ProblemKind kind, TypeMirror part, TypeElement element) {

    /** The problem as a clause: "it contains the type variable T". */
    String clause() {
      return switch (kind) {
        case TYPE_VARIABLE -> "it contains the type variable " + part;
        case WILDCARD -> "it contains the wildcard " + part;
        case RAW -> "it uses the raw type " + element.getSimpleName() + " without type arguments";
        case OBJECT -> "Object tells the codec nothing about what to read back";
        case ABSTRACT ->
            element.getSimpleName()
                + " is "
                + (element.getKind() == ElementKind.INTERFACE
                    ? "an interface"
                    : "an abstract class")
                + " the codec cannot create";
      };
    }
  }

  /**
   * The first part of {@code type} the codec could not read back as exactly that type, if any: type
   * variables, unbounded or {@code super} wildcards, raw types, {@code Object}, and abstract types
   * other than the java.util collections and types marked for polymorphic JSON.
   */
  Optional<Problem> firstProblem(TypeMirror type) {
    switch (type.getKind()) {
      case TYPEVAR -> {
        return Optional.of(new Problem(ProblemKind.TYPE_VARIABLE, type, null));
      }
      case WILDCARD -> {
        TypeMirror bound = ((WildcardType) type).getExtendsBound();
        return bound == null
            ? Optional.of(new Problem(ProblemKind.WILDCARD, type, null))
            : firstProblem(bound);
      }
      case ARRAY -> {
        return firstProblem(((ArrayType) type).getComponentType());
      }
      case DECLARED -> {
        return firstProblemDeclared((DeclaredType) type);
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  private Optional<Problem> firstProblemDeclared(DeclaredType type) {
    TypeElement element = (TypeElement) type.asElement();
    if (!element.getTypeParameters().isEmpty() && type.getTypeArguments().isEmpty()) {
      return Optional.of(new Problem(ProblemKind.RAW, type, element));
    }
    String qualified = element.getQualifiedName().toString();
    if (qualified.equals("java.lang.Object")) {
      return Optional.of(new Problem(ProblemKind.OBJECT, type, element));
    }
    boolean isAbstract =
        element.getKind() == ElementKind.INTERFACE
            || (element.getKind() == ElementKind.CLASS
                && element.getModifiers().contains(Modifier.ABSTRACT));
    if (isAbstract
        && !COLLECTION_FAMILY.contains(qualified)
        && !AnnotationMirrors.has(element, AnnotationMirrors.JSON_TYPE_INFO)) {
      return Optional.of(new Problem(ProblemKind.ABSTRACT, type, element));
    }
    for (TypeMirror argument : type.getTypeArguments()) {
      Optional<Problem> problem = firstProblem(argument);
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  /**
   * Reports the first part of {@code type}, the value type of {@code method} whose return type is
   * {@code returnType}, that the codec could not know; true when there is none.
   */
  boolean checkKnowable(
      ExecutableElement method, AnnotationMirror cached, TypeMirror returnType, TypeMirror type) {
    return knowable(method, cached, returnType, type);
  }

  /** Reports the first part of {@code type} the codec could not know; true when there is none. */
  private boolean knowable(
      ExecutableElement method, AnnotationMirror cached, TypeMirror returnType, TypeMirror type) {
    Optional<Problem> problem = firstProblem(type);
    if (problem.isEmpty()) {
      return true;
    }
    String name = method.getSimpleName().toString();
    Problem p = problem.get();
    switch (p.kind()) {
      case TYPE_VARIABLE ->
          diagnostics.error(
              method, cached, Message.CACHED_TYPE_VARIABLE, name, returnType, p.part().toString());
      case WILDCARD ->
          diagnostics.error(
              method, cached, Message.CACHED_WILDCARD_TYPE, name, returnType, p.part());
      case RAW ->
          diagnostics.error(
              method,
              cached,
              Message.CACHED_RAW_TYPE,
              name,
              returnType,
              p.element().getSimpleName());
      case OBJECT ->
          diagnostics.error(method, cached, Message.CACHED_OBJECT_TYPE, name, returnType);
      case ABSTRACT -> {
        String what =
            p.element().getKind() == ElementKind.INTERFACE ? "an interface" : "an abstract class";
        diagnostics.error(
            method,
            cached,
            Message.CACHED_ABSTRACT_TYPE,
            name,
            returnType,
            p.element().getSimpleName(),
            what,
            p.element().getSimpleName());
      }
    }
    return false;
  }

  /**
   * What a write sees of a method's return: the return kind, and the value (unwrapped from {@code
   * Optional} and futures, primitives boxed; a wildcard by its bound), or empty for {@code void}
   * and {@code Void} futures. Reports nothing: writes accept any return type.
   */
  Optional<TypeMirror> writtenResult(TypeMirror returnType) {
    if (returnType.getKind() == TypeKind.VOID) {
      return Optional.empty();
    }
    if (returnType.getKind().isPrimitive()) {
      return Optional.of(types.boxedClass((PrimitiveType) returnType).asType());
    }
    if (!(returnType instanceof DeclaredType declared)
        || wrapperKind(declared) == ReturnKind.PLAIN) {
      return Optional.of(returnType);
    }
    TypeElement wrapper = (TypeElement) declared.asElement();
    // Object for raw and unbounded uses: the erasure of the wrapper's own type variable.
    TypeMirror upper = types.erasure(wrapper.getTypeParameters().get(0).asType());
    if (declared.getTypeArguments().isEmpty()) {
      return Optional.of(upper);
    }
    TypeMirror argument = declared.getTypeArguments().get(0);
    if (argument instanceof WildcardType wildcard) {
      argument = wildcard.getExtendsBound() != null ? wildcard.getExtendsBound() : upper;
    }
    return isVoid(argument) ? Optional.empty() : Optional.of(argument);
  }

  /** How {@code returnType} wraps its value; {@link ReturnKind#PLAIN} for {@code void}. */
  ReturnKind kindOf(TypeMirror returnType) {
    if (returnType.getKind().isPrimitive()) {
      return ReturnKind.PRIMITIVE;
    }
    return returnType instanceof DeclaredType declared ? wrapperKind(declared) : ReturnKind.PLAIN;
  }

  private static String simpleName(DeclaredType type) {
    return type.asElement().getSimpleName().toString();
  }
}
