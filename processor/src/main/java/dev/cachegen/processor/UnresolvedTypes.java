package dev.cachegen.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * Finds types an interface mentions that do not exist yet, typically because another annotation
 * processor generates them in this round. Such an interface waits for the next round.
 */
final class UnresolvedTypes {
  private UnresolvedTypes() {}

  /** The first unresolved type mentioned by {@code type}'s signature or methods, if any. */
  static Optional<String> firstIn(TypeElement type, Types types) {
    List<TypeMirror> mentioned = new ArrayList<>(type.getInterfaces());
    mentioned.add(type.getSuperclass());
    for (TypeParameterElement parameter : type.getTypeParameters()) {
      mentioned.addAll(parameter.getBounds());
    }
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      mentioned.add(method.getReturnType());
      mentioned.addAll(method.getThrownTypes());
      for (VariableElement parameter : method.getParameters()) {
        mentioned.add(parameter.asType());
      }
    }
    for (TypeMirror mirror : mentioned) {
      Optional<String> error = firstError(mirror);
      if (error.isPresent()) {
        return error;
      }
    }
    for (TypeMirror superinterface : type.getInterfaces()) {
      if (types.asElement(superinterface) instanceof TypeElement parent) {
        Optional<String> error = firstIn(parent, types);
        if (error.isPresent()) {
          return error;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> firstError(TypeMirror type) {
    if (type == null) {
      return Optional.empty();
    }
    if (type.getKind() == TypeKind.ERROR) {
      return Optional.of(type.toString());
    }
    if (type instanceof ArrayType array) {
      return firstError(array.getComponentType());
    }
    if (type instanceof WildcardType wildcard) {
      Optional<String> error = firstError(wildcard.getExtendsBound());
      return error.isPresent() ? error : firstError(wildcard.getSuperBound());
    }
    if (type instanceof DeclaredType declared) {
      for (TypeMirror argument : declared.getTypeArguments()) {
        Optional<String> error = firstError(argument);
        if (error.isPresent()) {
          return error;
        }
      }
    }
    return Optional.empty();
  }
}
