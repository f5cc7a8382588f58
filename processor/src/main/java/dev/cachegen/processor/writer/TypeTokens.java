package dev.cachegen.processor.writer;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Types;

/**
 * Writes the {@code java.lang.reflect.Type} constant of a value type: {@code Item.class}, or {@code
 * Types.parameterized(List.class, Item.class)} for generic types, so the codec gets the exact
 * declared type without reflection on the caller.
 */
final class TypeTokens {
  private final Types types;

  TypeTokens(Types types) {
    this.types = types;
  }

  /** The expression of {@code type}'s {@code Type}. */
  CodeBlock of(TypeMirror type) {
    if (type.getKind().isPrimitive()) {
      return CodeBlock.of("$T.class", TypeName.get(type).box());
    }
    if (!isGeneric(type)) {
      return CodeBlock.of("$T.class", TypeName.get(types.erasure(type)));
    }
    if (type instanceof ArrayType array) {
      return CodeBlock.of("$T.arrayOf($L)", RuntimeTypes.TYPES, of(array.getComponentType()));
    }
    if (type instanceof WildcardType wildcard) {
      return wildcard.getSuperBound() != null
          ? CodeBlock.of("$T.supertypeOf($L)", RuntimeTypes.TYPES, of(wildcard.getSuperBound()))
          : CodeBlock.of("$T.subtypeOf($L)", RuntimeTypes.TYPES, of(wildcard.getExtendsBound()));
    }
    DeclaredType declared = (DeclaredType) type;
    CodeBlock.Builder code =
        CodeBlock.builder()
            .add(
                "$T.parameterized($T.class", RuntimeTypes.TYPES, TypeName.get(types.erasure(type)));
    for (TypeMirror argument : declared.getTypeArguments()) {
      code.add(", $L", of(argument));
    }
    return code.add(")").build();
  }

  /** Whether {@code type} needs more than a class literal: it has type arguments somewhere. */
  private static boolean isGeneric(TypeMirror type) {
    if (type instanceof ArrayType array) {
      return isGeneric(array.getComponentType());
    }
    return type.getKind() == TypeKind.WILDCARD
        || (type instanceof DeclaredType declared && !declared.getTypeArguments().isEmpty());
  }
}
