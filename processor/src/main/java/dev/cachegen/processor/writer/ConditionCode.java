package dev.cachegen.processor.writer;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.cachegen.processor.model.Accessor;
import dev.cachegen.processor.model.Condition;
import dev.cachegen.processor.model.KeyPart;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Writes a {@link Condition} as a plain Java boolean expression: {@code page == 0}, {@code result
 * != null && result.isEmpty()}. A path through references is guarded ({@code a != null && a.b() !=
 * null && ...}), so a {@code null} on the way makes a test false ({@code == null} true, {@code !=}
 * and {@code !} negate) instead of throwing; references are compared with {@code equals} called on
 * the literal, enums with {@code ==}.
 */
final class ConditionCode {
  /** How tightly an expression binds, to add parentheses only where Java needs them. */
  private enum Level {
    OR,
    AND,
    ATOM
  }

  private record Written(CodeBlock code, Level level) {}

  private final Types types;

  ConditionCode(Types types) {
    this.types = types;
  }

  /** {@code condition} as an expression; paths of the result start at the local {@code result}. */
  CodeBlock of(Condition condition, String result) {
    return write(condition, result).code();
  }

  /** The negation of {@code condition}: {@code !(page == 0)}, or {@code a} for {@code !a}. */
  CodeBlock negationOf(Condition condition, String result) {
    if (condition instanceof Condition.Not not) {
      return of(not.operand(), result);
    }
    Written written = write(condition, result);
    return written.level() == Level.ATOM && !written.code().toString().contains(" ")
        ? CodeBlock.of("!$L", written.code())
        : CodeBlock.of("!($L)", written.code());
  }

  private Written write(Condition condition, String result) {
    if (condition instanceof Condition.Not not) {
      return new Written(
          CodeBlock.of("!$L", wrap(write(not.operand(), result), Level.ATOM)), Level.ATOM);
    }
    if (condition instanceof Condition.And and) {
      return new Written(
          CodeBlock.of(
              "$L && $L",
              wrap(write(and.left(), result), Level.AND),
              wrap(write(and.right(), result), Level.AND)),
          Level.AND);
    }
    if (condition instanceof Condition.Or or) {
      return new Written(
          CodeBlock.of(
              "$L || $L", write(or.left(), result).code(), write(or.right(), result).code()),
          Level.OR);
    }
    return test((Condition.Test) condition, result);
  }

  private static CodeBlock wrap(Written written, Level needed) {
    return written.level().ordinal() >= needed.ordinal()
        ? written.code()
        : CodeBlock.of("($L)", written.code());
  }

  private Written test(Condition.Test test, String result) {
    KeyPart.Value path = test.path();
    List<String> guarded = new ArrayList<>(); // the references that must not be null, in order
    String expression = path.fromResult() ? result : path.parameter();
    boolean nullable = path.parameterIsReference();
    for (Accessor accessor : path.accessors()) {
      if (nullable) {
        guarded.add(expression);
      }
      expression = expression + "." + accessor.method() + "()";
      nullable = accessor.returnsReference();
    }
    List<CodeBlock> terms = new ArrayList<>();
    for (String reference : guarded) {
      terms.add(CodeBlock.of("$L != null", reference));
    }
    TypeMirror type = path.type();
    if (test.comparison() == Condition.Comparison.IS_TRUE) {
      terms.add(
          type.getKind().isPrimitive()
              ? CodeBlock.of("$L", expression)
              : CodeBlock.of("$T.TRUE.equals($L)", Boolean.class, expression));
      return all(terms, false);
    }
    boolean equals = test.comparison() == Condition.Comparison.EQUALS;
    Condition.Literal literal = test.literal();
    if (literal.kind() == Condition.LiteralKind.NULL) {
      if (!equals) {
        terms.add(CodeBlock.of("$L != null", expression));
        return all(terms, false);
      }
      List<CodeBlock> anyNull = new ArrayList<>();
      for (String reference : guarded) {
        anyNull.add(CodeBlock.of("$L == null", reference));
      }
      anyNull.add(CodeBlock.of("$L == null", expression));
      return new Written(
          CodeBlock.join(anyNull, " || "), anyNull.size() > 1 ? Level.OR : Level.ATOM);
    }
    if (type.getKind().isPrimitive() && guarded.isEmpty() && !equals) {
      return new Written(
          CodeBlock.of("$L != $L", expression, primitiveLiteral(type, literal)), Level.ATOM);
    }
    if (type.getKind().isPrimitive()) {
      terms.add(CodeBlock.of("$L == $L", expression, primitiveLiteral(type, literal)));
    } else if (literal.kind() == Condition.LiteralKind.ENUM_CONSTANT) {
      terms.add(
          CodeBlock.of(
              "$L == $T.$N", expression, TypeName.get(types.erasure(type)), literal.text()));
    } else {
      terms.add(CodeBlock.of("$L.equals($L)", boxedLiteral(type, literal), expression));
    }
    return all(terms, !equals);
  }

  /** {@code a && b && c}, or its negation {@code !(a && b && c)}. */
  private static Written all(List<CodeBlock> terms, boolean negated) {
    CodeBlock code = CodeBlock.join(terms, " && ");
    if (negated) {
      return new Written(
          terms.size() > 1 ? CodeBlock.of("!($L)", code) : CodeBlock.of("!$L", code), Level.ATOM);
    }
    return new Written(code, terms.size() > 1 ? Level.AND : Level.ATOM);
  }

  /** {@code 0}, {@code 0L}, {@code true}, {@code 'x'}, for a primitive path. */
  private static String primitiveLiteral(TypeMirror type, Condition.Literal literal) {
    return switch (literal.kind()) {
      case BOOLEAN -> literal.text();
      case CHARACTER -> charLiteral(literal.text().charAt(0));
      case INTEGER ->
          switch (type.getKind()) {
            case LONG -> literal.text() + "L";
            case FLOAT -> literal.text() + "F";
            case DOUBLE -> literal.text() + ".0";
            default -> literal.text();
          };
      default -> throw new IllegalArgumentException(literal + " for " + type);
    };
  }

  /** {@code Long.valueOf(0L)}, {@code "text"}, {@code Boolean.TRUE}, for a reference path. */
  private CodeBlock boxedLiteral(TypeMirror type, Condition.Literal literal) {
    return switch (literal.kind()) {
      case BOOLEAN ->
          CodeBlock.of("$T.$L", Boolean.class, literal.text().equals("true") ? "TRUE" : "FALSE");
      case STRING -> CodeBlock.of("$S", literal.text());
      case CHARACTER ->
          CodeBlock.of("$T.valueOf($L)", Character.class, charLiteral(literal.text().charAt(0)));
      case INTEGER -> {
        TypeMirror unboxed = types.unboxedType(type);
        String value =
            switch (unboxed.getKind()) {
              case BYTE -> "(byte) " + literal.text();
              case SHORT -> "(short) " + literal.text();
              default -> primitiveLiteral(unboxed, literal);
            };
        yield CodeBlock.of("$T.valueOf($L)", TypeName.get(types.erasure(type)), value);
      }
      default -> throw new IllegalArgumentException(literal + " for " + type);
    };
  }

  private static String charLiteral(char c) {
    if (c == '\'' || c == '\\') {
      return "'\\" + c + "'";
    }
    if (c >= 0x20 && c < 0x7f) {
      return "'" + c + "'";
    }
    return String.format(Locale.ROOT, "'\\u%04x'", (int) c);
  }
}
