package dev.cachegen.processor.writer;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.cachegen.processor.model.Accessor;
import dev.cachegen.processor.model.CachedMethod;
import dev.cachegen.processor.model.KeyPart;
import dev.cachegen.processor.model.TagTemplate;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Writes the two keys of a call from the same values in the same order: the in-process key ({@code
 * Keys.local(...)}) and the shared key ({@code cache.sharedKey()...build()}); and tags, which are
 * built like shared keys with {@code Tags.builder()}. Accessor chains are null-safe through
 * reference types, so a {@code null} argument is a key, not a crash.
 *
 * <p>Values taken from the returned value ({@code {result.id}}) start at the local named by the
 * caller, since it differs between plain and asynchronous methods.
 */
final class KeyCode {
  private final Types types;

  KeyCode(Types types) {
    this.types = types;
  }

  /** {@code Keys.NONE}, {@code Keys.local(id)} or {@code Keys.local(a, b, c)}. */
  CodeBlock localKey(CachedMethod method) {
    return localKey(method.keyValues(), null);
  }

  /** The local key of {@code values}; {@code result} names the local holding the result. */
  CodeBlock localKey(List<KeyPart.Value> values, String result) {
    if (values.isEmpty()) {
      return CodeBlock.of("$T.NONE", RuntimeTypes.KEYS);
    }
    List<CodeBlock> arguments = new ArrayList<>();
    for (KeyPart.Value value : values) {
      CodeBlock expression = valueExpression(value, result);
      arguments.add(
          value.array() ? CodeBlock.of("$T.array($L)", RuntimeTypes.KEYS, expression) : expression);
    }
    return CodeBlock.of("$T.local($L)", RuntimeTypes.KEYS, CodeBlock.join(arguments, ", "));
  }

  /** {@code cache.sharedKey().literal("owner:").value(...).build()}. */
  CodeBlock sharedKey(CachedMethod method, String cacheReference) {
    return sharedKey(method.keyParts(), cacheReference, null);
  }

  /** The shared key of {@code parts} in the cache {@code cacheReference} refers to. */
  CodeBlock sharedKey(List<KeyPart> parts, String cacheReference, String result) {
    // One part reads well on one line; longer chains get a line per part, like a builder. The
    // statement around this code indents its continuation lines.
    return chain(CodeBlock.of("$L.sharedKey()", cacheReference), parts, parts.size() > 1, result);
  }

  /** {@code Tags.builder().literal("owner:").value(owner.id()).build()}, on one line. */
  CodeBlock tag(TagTemplate tag, String result) {
    return chain(CodeBlock.of("$T.builder()", RuntimeTypes.TAGS), tag.parts(), false, result);
  }

  /** {@code {tagA, tagB}}: the initializer of a {@code String[]} of tags. */
  CodeBlock tagArray(List<TagTemplate> tags, String result) {
    List<CodeBlock> elements = new ArrayList<>();
    for (TagTemplate tag : tags) {
      elements.add(tag(tag, result));
    }
    return CodeBlock.of("{$L}", CodeBlock.join(elements, ", "));
  }

  private CodeBlock chain(CodeBlock start, List<KeyPart> parts, boolean multiline, String result) {
    CodeBlock.Builder code = CodeBlock.builder().add(start);
    for (KeyPart part : parts) {
      if (multiline) {
        code.add("\n");
      }
      if (part instanceof KeyPart.Literal literal) {
        code.add(".literal($S)", literal.text());
      } else {
        KeyPart.Value value = (KeyPart.Value) part;
        if (value.isRecord()) {
          TypeMirror recordType =
              value.array() ? ((ArrayType) value.type()).getComponentType() : value.type();
          code.add(value.array() ? ".records($L" : ".record($L", valueExpression(value, result));
          TypeName record = TypeName.get(types.erasure(recordType));
          for (String component : value.recordComponents()) {
            code.add(", $T::$N", record, component);
          }
          code.add(")");
        } else if (value.array()) {
          code.add(".array($L)", valueExpression(value, result));
        } else {
          code.add(".value($L)", valueExpression(value, result));
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
   * {@code parts} with every value read from the local {@code root} instead of its parameter: the
   * key of one element of a bulk method, built inside a lambda whose parameter is {@code root}.
   */
  static List<KeyPart> rootedAt(List<KeyPart> parts, String root) {
    List<KeyPart> rooted = new ArrayList<>();
    for (KeyPart part : parts) {
      if (part instanceof KeyPart.Value value) {
        rooted.add(
            new KeyPart.Value(
                root,
                value.parameterIsReference(),
                value.accessors(),
                value.type(),
                value.recordComponents(),
                false,
                value.array()));
      } else {
        rooted.add(part);
      }
    }
    return rooted;
  }

  /** The parts of {@code parts} that carry values, in order. */
  static List<KeyPart.Value> values(List<KeyPart> parts) {
    return parts.stream()
        .filter(KeyPart.Value.class::isInstance)
        .map(KeyPart.Value.class::cast)
        .toList();
  }

  /**
   * The value's expression: {@code id}, {@code owner == null ? null : owner.id()}, or with deeper
   * chains {@code a == null || a.b() == null ? null : a.b().c()}. A value of the result starts at
   * the local {@code result}.
   */
  static CodeBlock valueExpression(KeyPart.Value value, String result) {
    List<String> guards = new ArrayList<>();
    String expression = value.fromResult() ? result : value.parameter();
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
