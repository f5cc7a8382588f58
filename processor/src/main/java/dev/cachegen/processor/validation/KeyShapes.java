package dev.cachegen.processor.validation;

import dev.cachegen.processor.model.KeyPart;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Compares the shapes of keys (and tags) that must render identically: the same literal texts and
 * the same value types in the same order. {@code long} and {@code Long} render the same and agree;
 * {@code int} and {@code long} do not, since their boxes are never equal as in-process keys.
 */
final class KeyShapes {
  private final Types types;

  KeyShapes(Types types) {
    this.types = types;
  }

  /** Whether {@code a} and {@code b} give the same key for the same values. */
  boolean same(List<KeyPart> a, List<KeyPart> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      KeyPart x = a.get(i);
      KeyPart y = b.get(i);
      if (x instanceof KeyPart.Literal lx && y instanceof KeyPart.Literal ly) {
        if (!lx.text().equals(ly.text())) {
          return false;
        }
      } else if (x instanceof KeyPart.Value vx && y instanceof KeyPart.Value vy) {
        if (!types.isSameType(comparable(vx.type()), comparable(vy.type()))) {
          return false;
        }
      } else {
        return false;
      }
    }
    return true;
  }

  /** The shape as a person reads it: {@code (long)}, {@code ("owner:", long)}. */
  String describe(List<KeyPart> parts) {
    List<String> pieces = new ArrayList<>();
    for (KeyPart part : parts) {
      if (part instanceof KeyPart.Literal literal) {
        pieces.add("\"" + literal.text() + "\"");
      } else {
        pieces.add(simpleName(((KeyPart.Value) part).type()));
      }
    }
    return "(" + String.join(", ", pieces) + ")";
  }

  /** {@code find(long)}: a method as messages name it. */
  String signature(ExecutableElement method) {
    List<String> parameters = new ArrayList<>();
    for (VariableElement parameter : method.getParameters()) {
      parameters.add(simpleName(parameter.asType()));
    }
    return method.getSimpleName() + "(" + String.join(", ", parameters) + ")";
  }

  private TypeMirror comparable(TypeMirror type) {
    TypeMirror boxed =
        type.getKind().isPrimitive() ? types.boxedClass((PrimitiveType) type).asType() : type;
    return types.erasure(boxed);
  }

  private static String simpleName(TypeMirror type) {
    if (type.getKind().isPrimitive()) {
      return type.getKind().name().toLowerCase(Locale.ROOT);
    }
    if (type instanceof DeclaredType declared) {
      return declared.asElement().getSimpleName().toString();
    }
    return type.toString();
  }
}
