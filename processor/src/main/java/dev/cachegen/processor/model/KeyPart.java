package dev.cachegen.processor.model;

import java.util.List;
import java.util.Objects;
import javax.lang.model.type.TypeMirror;

/** One piece of a cache key, in template order: fixed text or a value taken from the arguments. */
public sealed interface KeyPart {

  /**
   * Fixed text of a key template, such as {@code "owner:"}; part of the shared key only, since
   * every call of one method has the same literals.
   *
   * @param text the text, never empty
   */
  record Literal(String text) implements KeyPart {
    /** Checks the text. */
    public Literal {
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * A value taken from a parameter, possibly through accessors: {@code id}, {@code owner.id()}; or,
   * in templates of writes and invalidations, from the method's returned value ({@code
   * {result.id}}).
   *
   * @param parameter the parameter's name, or {@code result} for the returned value
   * @param parameterIsReference whether the parameter (or returned value) may be {@code null}
   * @param accessors the accessor chain, empty for the parameter itself
   * @param type the value's type (the last accessor's return type, or the parameter's type)
   * @param recordComponents for a record used as a whole, the accessors of its components in order;
   *     empty for a leaf value
   * @param fromResult whether the value is taken from the method's returned value rather than from
   *     a parameter; the writer decides which local holds it
   * @param array whether the value is an array (or varargs) of key values, written element by
   *     element; {@code recordComponents} then describe its elements
   */
  record Value(
      String parameter,
      boolean parameterIsReference,
      List<Accessor> accessors,
      TypeMirror type,
      List<String> recordComponents,
      boolean fromResult,
      boolean array)
      implements KeyPart {
    /** Copies the lists. */
    public Value {
      accessors = List.copyOf(accessors);
      recordComponents = List.copyOf(recordComponents);
    }

    /** A value that is not an array. */
    public Value(
        String parameter,
        boolean parameterIsReference,
        List<Accessor> accessors,
        TypeMirror type,
        List<String> recordComponents,
        boolean fromResult) {
      this(parameter, parameterIsReference, accessors, type, recordComponents, fromResult, false);
    }

    /**
     * Whether the value (for an array, each element) is a record written as the group of its
     * components.
     */
    public boolean isRecord() {
      return !recordComponents.isEmpty();
    }
  }
}
