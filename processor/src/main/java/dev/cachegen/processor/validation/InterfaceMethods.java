package dev.cachegen.processor.validation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The methods a decorator of an interface must override: the interface's own abstract and default
 * methods, then those inherited from superinterfaces that nothing closer overrides. Static and
 * private methods are not inherited by implementations, and the public methods of {@code Object}
 * are already implemented by every class, so they are left out.
 */
final class InterfaceMethods {
  private static final Set<String> OBJECT_SIGNATURES =
      Set.of("equals(java.lang.Object)", "hashCode()", "toString()");

  private final Elements elements;
  private final Types types;

  InterfaceMethods(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /** The overridable methods of {@code type}, closest declarations first, each once. */
  List<ExecutableElement> of(TypeElement type) {
    List<ExecutableElement> methods = new ArrayList<>();
    Deque<TypeElement> queue = new ArrayDeque<>();
    Set<TypeElement> seen = new LinkedHashSet<>();
    queue.add(type);
    while (!queue.isEmpty()) {
      TypeElement current = queue.poll();
      if (!seen.add(current)) {
        continue;
      }
      for (ExecutableElement method : ElementFilter.methodsIn(current.getEnclosedElements())) {
        if (isOverridable(method)
            && !isObjectMethod(method)
            && !isOverridden(method, methods, type)) {
          methods.add(method);
        }
      }
      for (TypeMirror superinterface : current.getInterfaces()) {
        TypeElement element = (TypeElement) types.asElement(superinterface);
        if (element != null && element.getKind() == ElementKind.INTERFACE) {
          queue.add(element);
        }
      }
    }
    return methods;
  }

  private static boolean isOverridable(ExecutableElement method) {
    return !method.getModifiers().contains(Modifier.STATIC)
        && !method.getModifiers().contains(Modifier.PRIVATE);
  }

  private boolean isObjectMethod(ExecutableElement method) {
    StringBuilder signature = new StringBuilder(method.getSimpleName()).append('(');
    for (int i = 0; i < method.getParameters().size(); i++) {
      signature.append(i == 0 ? "" : ",");
      signature.append(types.erasure(method.getParameters().get(i).asType()));
    }
    return OBJECT_SIGNATURES.contains(signature.append(')').toString());
  }

  /** Whether a method already collected, from a closer interface, overrides {@code method}. */
  private boolean isOverridden(
      ExecutableElement method, List<ExecutableElement> collected, TypeElement type) {
    for (ExecutableElement closer : collected) {
      if (closer.getSimpleName().equals(method.getSimpleName())
          && (closer.equals(method) || elements.overrides(closer, method, type))) {
        return true;
      }
    }
    return false;
  }
}
