package dev.cachegen.processor.model;

/**
 * A checked {@code @Cached(condition = ...)} or {@code unless}, ready to be written as a Java
 * boolean expression: every path resolved to accessor calls and every literal known to fit the type
 * it is compared with.
 */
public sealed interface Condition {

  /** How a path is tested. */
  enum Comparison {
    /** The path alone: a {@code boolean} or {@code Boolean}, {@code null} testing false. */
    IS_TRUE,
    /** {@code == literal}. */
    EQUALS,
    /** {@code != literal}. */
    NOT_EQUALS
  }

  /** The kinds of literal, as the writer spells them. */
  enum LiteralKind {
    NULL,
    BOOLEAN,
    /** An integer, for a numeric path (primitive or box). */
    INTEGER,
    /** Text, for a {@code String} path. */
    STRING,
    /** One character, for a {@code char} or {@code Character} path. */
    CHARACTER,
    /** The name of a constant of the path's enum type. */
    ENUM_CONSTANT
  }

  /**
   * A literal.
   *
   * @param kind how it is written
   * @param text the value: {@code true}, the digits, the unquoted text, the constant's name
   */
  record Literal(LiteralKind kind, String text) {}

  /**
   * A test of one path.
   *
   * @param path the value tested, read as a key part is ({@link KeyPart.Value}); {@code fromResult}
   *     for {@code unless}
   * @param comparison how it is tested
   * @param literal what it is compared with; {@code null} for {@link Comparison#IS_TRUE}
   */
  record Test(KeyPart.Value path, Comparison comparison, Literal literal) implements Condition {}

  /** {@code !operand}. */
  record Not(Condition operand) implements Condition {}

  /** {@code left && right}. */
  record And(Condition left, Condition right) implements Condition {}

  /** {@code left || right}. */
  record Or(Condition left, Condition right) implements Condition {}
}
