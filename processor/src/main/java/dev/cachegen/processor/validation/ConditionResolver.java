package dev.cachegen.processor.validation;

import dev.cachegen.processor.diagnostics.Diagnostics;
import dev.cachegen.processor.diagnostics.Message;
import dev.cachegen.processor.model.CheckedCondition;
import dev.cachegen.processor.model.Condition;
import dev.cachegen.processor.model.KeyPart;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Checks {@code @Cached(condition = ...)} (over the parameters, before the call) and {@code unless}
 * (over {@code result}, the loaded value as cached) and describes them as {@link Condition}s: every
 * path resolved like a key template's, every test of a path alone on a boolean, every literal of a
 * type its path can equal. Each mistake is reported on the attribute.
 */
final class ConditionResolver {
  private static final String CONDITION = "condition";
  private static final String UNLESS = "unless";

  private final Diagnostics diagnostics;
  private final Types types;
  private final KeyResolver keys;

  ConditionResolver(Diagnostics diagnostics, Types types, KeyResolver keys) {
    this.diagnostics = diagnostics;
    this.types = types;
    this.keys = keys;
  }

  /**
   * The method's {@code condition}: empty when not written, and empty after reporting its errors
   * (the caller counts errors).
   */
  Optional<CheckedCondition> condition(
      ExecutableElement method, ExecutableType type, AnnotationAttributes cached) {
    String text = cached.string(CONDITION);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Scope scope = new Scope(CONDITION, TemplateScope.parameters(method, type, null), null);
    return resolve(method, cached, text, scope);
  }

  /**
   * The method's {@code unless} over {@code result} of type {@code valueType}: empty when not
   * written, and empty after reporting its errors.
   */
  Optional<CheckedCondition> unless(
      ExecutableElement method,
      ExecutableType type,
      AnnotationAttributes cached,
      TypeMirror valueType) {
    String text = cached.string(UNLESS);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Scope scope =
        new Scope(
            UNLESS,
            TemplateScope.parameters(method, type, null),
            new TemplateScope.Name(TemplateScope.RESULT, valueType, true));
    return resolve(method, cached, text, scope);
  }

  /** Where a condition's paths start: parameters for {@code condition}, the result for unless. */
  private record Scope(String attribute, TemplateScope parameters, TemplateScope.Name result) {}

  private Optional<CheckedCondition> resolve(
      ExecutableElement method, AnnotationAttributes cached, String text, Scope scope) {
    AnnotationValue position = cached.written(scope.attribute());
    String described = describe(scope.attribute(), text);
    ConditionSyntax.Node node;
    try {
      node = ConditionSyntax.parse(text);
    } catch (ConditionSyntax.SyntaxException e) {
      diagnostics.error(
          method,
          cached.mirror(),
          position,
          Message.CONDITION_SYNTAX,
          described,
          method.getSimpleName(),
          e.position(),
          e.getMessage());
      return Optional.empty();
    }
    Condition condition = convert(method, cached, position, text, described, scope, node);
    return condition == null
        ? Optional.empty()
        : Optional.of(new CheckedCondition(text, condition));
  }

  /** The condition of {@code node}, or {@code null} after reporting every error in it. */
  private Condition convert(
      ExecutableElement method,
      AnnotationAttributes cached,
      AnnotationValue position,
      String text,
      String described,
      Scope scope,
      ConditionSyntax.Node node) {
    if (node instanceof ConditionSyntax.Not not) {
      Condition operand = convert(method, cached, position, text, described, scope, not.operand());
      return operand == null ? null : new Condition.Not(operand);
    }
    if (node instanceof ConditionSyntax.And and) {
      Condition left = convert(method, cached, position, text, described, scope, and.left());
      Condition right = convert(method, cached, position, text, described, scope, and.right());
      return left == null || right == null ? null : new Condition.And(left, right);
    }
    if (node instanceof ConditionSyntax.Or or) {
      Condition left = convert(method, cached, position, text, described, scope, or.left());
      Condition right = convert(method, cached, position, text, described, scope, or.right());
      return left == null || right == null ? null : new Condition.Or(left, right);
    }
    ConditionSyntax.Test test = (ConditionSyntax.Test) node;
    Optional<TemplateScope.Name> root =
        root(method, cached, position, text, described, scope, test);
    if (root.isEmpty()) {
      return null;
    }
    Optional<KeyPart.Value> path =
        keys.walk(
            method, cached, position, described, test.path(), root.get(), TemplateKind.CONDITION);
    if (path.isEmpty()) {
      return null;
    }
    return test(method, cached, position, described, test, path.get());
  }

  /** The name a test's path starts at, after reporting names out of the attribute's scope. */
  private Optional<TemplateScope.Name> root(
      ExecutableElement method,
      AnnotationAttributes cached,
      AnnotationValue position,
      String text,
      String described,
      Scope scope,
      ConditionSyntax.Test test) {
    String name = test.path().get(0);
    if (scope.result() != null) {
      if (name.equals(TemplateScope.RESULT)) {
        return Optional.of(scope.result());
      }
      if (scope.parameters().find(name).isPresent()) {
        diagnostics.error(
            method,
            cached.mirror(),
            position,
            Message.UNLESS_NAMES_PARAMETER,
            text,
            method.getSimpleName(),
            name,
            negated(text));
        return Optional.empty();
      }
      diagnostics.error(
          method,
          cached.mirror(),
          position,
          Message.CONDITION_UNKNOWN_PARAMETER,
          described,
          method.getSimpleName(),
          name,
          " unless names the loaded value as {result}, such as unless = \"{result.empty}\".");
      return Optional.empty();
    }
    Optional<TemplateScope.Name> found = scope.parameters().find(name);
    if (found.isPresent()) {
      return found;
    }
    if (name.equals(TemplateScope.RESULT)) {
      diagnostics.error(
          method,
          cached.mirror(),
          position,
          Message.CONDITION_NAMES_RESULT,
          text,
          method.getSimpleName(),
          test.pathText(),
          negated(text));
      return Optional.empty();
    }
    diagnostics.error(
        method,
        cached.mirror(),
        position,
        Message.CONDITION_UNKNOWN_PARAMETER,
        described,
        method.getSimpleName(),
        name,
        scope.parameters().hint(name));
    return Optional.empty();
  }

  /** The checked test of {@code path}, or {@code null} after reporting a type mismatch. */
  private Condition test(
      ExecutableElement method,
      AnnotationAttributes cached,
      AnnotationValue position,
      String described,
      ConditionSyntax.Test test,
      KeyPart.Value path) {
    TypeMirror type = path.type();
    if (test.literal() == null) {
      if (isBoolean(type)) {
        return new Condition.Test(path, Condition.Comparison.IS_TRUE, null);
      }
      diagnostics.error(
          method,
          cached.mirror(),
          position,
          Message.CONDITION_NOT_BOOLEAN,
          described,
          method.getSimpleName(),
          test.pathText(),
          type,
          example(type, test.pathText()));
      return null;
    }
    ConditionSyntax.Literal literal = test.literal();
    Optional<Condition.LiteralKind> kind = literalKind(type, literal);
    if (kind.isEmpty()) {
      diagnostics.error(
          method,
          cached.mirror(),
          position,
          Message.CONDITION_TYPE_MISMATCH,
          described,
          method.getSimpleName(),
          test.pathText(),
          type,
          literal.written(),
          fits(type, literal));
      return null;
    }
    return new Condition.Test(
        path,
        test.equals() ? Condition.Comparison.EQUALS : Condition.Comparison.NOT_EQUALS,
        new Condition.Literal(kind.get(), literal.text()));
  }

  /** How the writer spells {@code literal} compared with {@code type}; empty when it cannot. */
  private Optional<Condition.LiteralKind> literalKind(
      TypeMirror type, ConditionSyntax.Literal literal) {
    TypeKind primitive = unboxedKind(type);
    switch (literal.kind()) {
      case NULL:
        return type.getKind().isPrimitive()
            ? Optional.empty()
            : Optional.of(Condition.LiteralKind.NULL);
      case BOOLEAN:
        return primitive == TypeKind.BOOLEAN
            ? Optional.of(Condition.LiteralKind.BOOLEAN)
            : Optional.empty();
      case INTEGER:
        return isIntegral(primitive) && fitsIn(primitive, literal.text())
                || primitive == TypeKind.FLOAT
                || primitive == TypeKind.DOUBLE
            ? Optional.of(Condition.LiteralKind.INTEGER)
            : Optional.empty();
      case TEXT:
        if (isString(type)) {
          return Optional.of(Condition.LiteralKind.STRING);
        }
        return primitive == TypeKind.CHAR && literal.text().length() == 1
            ? Optional.of(Condition.LiteralKind.CHARACTER)
            : Optional.empty();
      case CONSTANT:
        return enumConstants(type).contains(literal.text())
            ? Optional.of(Condition.LiteralKind.ENUM_CONSTANT)
            : Optional.empty();
      default:
        throw new AssertionError(literal.kind());
    }
  }

  /** What {@code literal} lacks for {@code type}, and what would fit: the end of a message. */
  private String fits(TypeMirror type, ConditionSyntax.Literal literal) {
    TypeKind primitive = unboxedKind(type);
    List<String> constants = enumConstants(type);
    if (!constants.isEmpty()) {
      String hint =
          "is not one of its constants. Compare with one of: " + String.join(", ", constants);
      if (literal.kind() == ConditionSyntax.LiteralKind.CONSTANT
          || literal.kind() == ConditionSyntax.LiteralKind.TEXT) {
        Optional<String> closest = EditDistance.closest(literal.text(), constants);
        if (closest.isPresent()) {
          return "is not one of its constants. Did you mean "
              + closest.get()
              + "? Constants: "
              + String.join(", ", constants);
        }
      }
      return hint;
    }
    if (literal.kind() == ConditionSyntax.LiteralKind.NULL) {
      return "a primitive can never be. Compare it with a value, such as == 0";
    }
    if (primitive == TypeKind.BOOLEAN) {
      return "a boolean can never equal. Compare with true or false, or test the path alone";
    }
    if (isIntegral(primitive)) {
      return literal.kind() == ConditionSyntax.LiteralKind.INTEGER
          ? "does not fit in a "
              + primitive.name().toLowerCase(Locale.ROOT)
              + ". Use a smaller integer"
          : "a number can never equal. Compare with an integer, such as == 0";
    }
    if (primitive == TypeKind.FLOAT || primitive == TypeKind.DOUBLE) {
      return "a number can never equal. Compare with an integer, such as == 0";
    }
    if (isString(type)) {
      return "a String can never equal. Compare with text in single quotes, such as == 'none'";
    }
    if (primitive == TypeKind.CHAR) {
      return "is not one character. Compare with one character in single quotes, such as == 'x'";
    }
    return "only null can be compared with. Compare with == null or != null, or name an accessor"
        + " of it that returns a boolean, a number, a String or an enum";
  }

  /** A test of {@code path} that fits {@code type}, for a not-boolean message. */
  private String example(TypeMirror type, String path) {
    TypeKind primitive = unboxedKind(type);
    List<String> constants = enumConstants(type);
    if (!constants.isEmpty()) {
      return "{" + path + "} == " + constants.get(0);
    }
    if (isIntegral(primitive) || primitive == TypeKind.FLOAT || primitive == TypeKind.DOUBLE) {
      return "{" + path + "} == 0";
    }
    if (primitive == TypeKind.CHAR) {
      return "{" + path + "} == 'x'";
    }
    if (isString(type)) {
      return "{" + path + "} == 'text' or an accessor such as {" + path + ".empty}";
    }
    return "{" + path + "} != null, or an accessor of it that returns boolean";
  }

  private boolean isBoolean(TypeMirror type) {
    return unboxedKind(type) == TypeKind.BOOLEAN;
  }

  private static boolean isString(TypeMirror type) {
    return type instanceof DeclaredType declared
        && declared.asElement() instanceof TypeElement element
        && element.getQualifiedName().contentEquals("java.lang.String");
  }

  /** The kind of a primitive or of a box's primitive; {@code DECLARED} or others otherwise. */
  private TypeKind unboxedKind(TypeMirror type) {
    if (type.getKind().isPrimitive()) {
      return type.getKind();
    }
    try {
      PrimitiveType unboxed = types.unboxedType(type);
      return unboxed.getKind();
    } catch (IllegalArgumentException notABox) {
      return type.getKind();
    }
  }

  private static boolean isIntegral(TypeKind kind) {
    return kind == TypeKind.BYTE
        || kind == TypeKind.SHORT
        || kind == TypeKind.INT
        || kind == TypeKind.LONG;
  }

  private static boolean fitsIn(TypeKind kind, String digits) {
    BigInteger value = new BigInteger(digits);
    long bits =
        switch (kind) {
          case BYTE -> 8;
          case SHORT -> 16;
          case INT -> 32;
          default -> 64;
        };
    return value.bitLength() < bits;
  }

  private static List<String> enumConstants(TypeMirror type) {
    if (!(type instanceof DeclaredType declared)
        || declared.asElement().getKind() != ElementKind.ENUM) {
      return List.of();
    }
    return declared.asElement().getEnclosedElements().stream()
        .filter(e -> e.getKind() == ElementKind.ENUM_CONSTANT)
        .map(Element::getSimpleName)
        .map(Object::toString)
        .toList();
  }

  /** {@code Condition "{page} == 0"} or {@code unless "{result.empty}"}, for messages. */
  private static String describe(String attribute, String text) {
    return (attribute.equals(CONDITION) ? "Condition" : "unless") + " \"" + text + "\"";
  }

  /**
   * The other attribute's form of {@code text}: a condition caches when true, unless skips storing
   * when true, so one is the negation of the other.
   */
  private static String negated(String text) {
    return "!(" + text + ")";
  }
}
