package dev.cachegen.processor.writer;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.cachegen.processor.model.Accessor;
import dev.cachegen.processor.model.CachedMethod;
import dev.cachegen.processor.model.KeyPart;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.util.Types;

/**
 * Writes the two keys of a call from the same values in the same order: the in-process key ({@code
 * Keys.local(...)}) and the shared key ({@code cache.sharedKey()...build()}). Accessor chains are
 * null-safe through reference types, so a {@code null} argument is a key, not a crash.
 */
final class KeyCode {
  private final Types types;

  KeyCode(Types types) {
    this.types = types;
  }

  /** {@code Keys.NONE}, {@code Keys.local(id)} or {@code Keys.local(a, b, c)}. */
  CodeBlock localKey(CachedMethod method) {
    List<KeyPart.Value> values = method.keyValues();
    if (values.isEmpty()) {
      return CodeBlock.of("$T.NONE", RuntimeTypes.KEYS);
    }
    List<CodeBlock> arguments = new ArrayList<>();
    for (KeyPart.Value value : values) {
      arguments.add(valueExpression(value));
    }
    return CodeBlock.of("$T.local($L)", RuntimeTypes.KEYS, CodeBlock.join(arguments, ", "));
  }

  /** {@code cache.sharedKey().literal("owner:").value(...).build()}. */
  CodeBlock sharedKey(CachedMethod method, String cacheReference) {
    CodeBlock.Builder code = CodeBlock.builder().add("$L.sharedKey()", cacheReference);
    // One part reads well on one line; longer chains get a line per part, like a builder. The
    // statement around this code indents its continuation lines.
    boolean multiline = method.keyParts().size() > 1;
    for (KeyPart part : method.keyParts()) {
      if (multiline) {
        code.add("\n");
      }
      if (part instanceof KeyPart.Literal literal) {
        code.add(".literal($S)", literal.text());
      } else {
        KeyPart.Value value = (KeyPart.Value) part;
        if (value.isRecord()) {
          code.add(".record($L", valueExpression(value));
          TypeName record = TypeName.get(types.erasure(value.type()));
          for (String component : value.recordComponents()) {
            code.add(", $T::$N", record, component);
          }
          code.add(")");
        } else {
          code.add(".value($L)", valueExpression(value));
        }
      }
    }
    if (multiline) {
      code.add("\n.build()");
    } else {
      code.add(".build()");
    }
    return code.build();
  }

  /**
   * The value's expression: {@code id}, {@code owner == null ? null : owner.id()}, or with deeper
   * chains {@code a == null || a.b() == null ? null : a.b().c()}.
   */
  static CodeBlock valueExpression(KeyPart.Value value) {
    List<String> guards = new ArrayList<>();
    String expression = value.parameter();
    boolean nullable = value.parameterIsReference();
    for (Accessor accessor : value.accessors()) {
      if (nullable) {
        guards.add(expression + " == null");
      }
      expression = expression + "." + accessor.method() + "()";
      nullable = accessor.returnsReference();
    }
    if (guards.isEmpty()) {
      return CodeBlock.of("$L", expression);
    }
    return CodeBlock.of("$L ? null : $L", String.join(" || ", guards), expression);
  }
}
