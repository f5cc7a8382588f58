package dev.cachegen.processor.validation;

import java.util.List;

/**
 * The syntax of {@code @Cached(condition = ...)} and {@code unless}: paths in braces, compared with
 * {@code ==} or {@code !=} to a literal or tested alone, joined with {@code &&}, {@code ||}, {@code
 * !} and parentheses. Parsing is pure string work; what the paths name and whether the literals fit
 * is checked by {@link ConditionResolver}.
 *
 * <pre>
 * or      := and ( "||" and )*
 * and     := unary ( "&amp;&amp;" unary )*
 * unary   := "!" unary | "(" or ")" | test
 * test    := "{" path "}" [ ( "==" | "!=" ) literal ]
 * literal := null | true | false | -?digits | 'text' | IDENTIFIER
 * </pre>
 */
final class ConditionSyntax {

  /** A parsed condition. */
  sealed interface Node {}

  /**
   * A path tested alone ({@code literal} empty) or compared with a literal.
   *
   * @param path the names, parameter first
   * @param equals {@code true} for {@code ==} (or a test alone), {@code false} for {@code !=}
   * @param literal the literal compared with, or {@code null} for a test alone
   */
  record Test(List<String> path, boolean equals, Literal literal) implements Node {
    Test {
      path = List.copyOf(path);
    }

    /** The path as written: {@code query.page}. */
    String pathText() {
      return String.join(".", path);
    }
  }

  /** {@code !operand}. */
  record Not(Node operand) implements Node {}

  /** {@code left && right}. */
  record And(Node left, Node right) implements Node {}

  /** {@code left || right}. */
  record Or(Node left, Node right) implements Node {}

  /** The kinds of literal. */
  enum LiteralKind {
    NULL,
    BOOLEAN,
    INTEGER,
    TEXT,
    CONSTANT
  }

  /**
   * A literal: {@code text} is {@code true}/{@code false}, the digits, the unquoted text or the
   * constant's name.
   */
  record Literal(LiteralKind kind, String text) {
    /** The literal as written in the condition. */
    String written() {
      return kind == LiteralKind.TEXT
          ? "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"
          : text;
    }
  }

  /** A syntax error, with the 0-based position in the condition where it was found. */
  static final class SyntaxException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int position;

    SyntaxException(int position, String detail) {
      super(detail);
      this.position = position;
    }

    int position() {
      return position;
    }
  }

  private final String text;
  private int at;

  private ConditionSyntax(String text) {
    this.text = text;
  }

  /** Parses {@code condition}, which is not empty. */
  static Node parse(String condition) throws SyntaxException {
    ConditionSyntax parser = new ConditionSyntax(condition);
    Node node = parser.or();
    parser.skipSpaces();
    if (parser.at < condition.length() && condition.charAt(parser.at) == '=') {
      throw new SyntaxException(parser.at, "'=' alone compares nothing; use ==");
    }
    if (parser.at < condition.length()) {
      throw new SyntaxException(
          parser.at, "unexpected '" + condition.charAt(parser.at) + "'; join tests with && or ||");
    }
    return node;
  }

  private Node or() throws SyntaxException {
    Node node = and();
    while (accept("||")) {
      node = new Or(node, and());
    }
    return node;
  }

  private Node and() throws SyntaxException {
    Node node = unary();
    while (accept("&&")) {
      node = new And(node, unary());
    }
    return node;
  }

  private Node unary() throws SyntaxException {
    skipSpaces();
    if (peek('!') && !lookingAt("!=")) {
      at++;
      return new Not(unary());
    }
    if (peek('(')) {
      int open = at++;
      Node inner = or();
      if (!accept(")")) {
        throw new SyntaxException(open, "'(' is never closed");
      }
      return inner;
    }
    return test();
  }

  private Node test() throws SyntaxException {
    skipSpaces();
    if (!peek('{')) {
      throw new SyntaxException(
          at,
          at == text.length()
              ? "a test is missing at the end"
              : "expected a path in braces such as {page}, found '" + text.charAt(at) + "'");
    }
    int open = at;
    int close = text.indexOf('}', open);
    if (close < 0) {
      throw new SyntaxException(open, "'{' is never closed");
    }
    String content = text.substring(open + 1, close);
    List<String> path = List.of(content.split("\\.", -1));
    for (String name : path) {
      if (!KeyTemplate.isIdentifier(name)) {
        throw new SyntaxException(
            open,
            "{" + content + "} is not a parameter name followed by accessor names, like {user.id}");
      }
    }
    at = close + 1;
    if (accept("==")) {
      return new Test(path, true, literal());
    }
    if (accept("!=")) {
      return new Test(path, false, literal());
    }
    return new Test(path, true, null);
  }

  private Literal literal() throws SyntaxException {
    skipSpaces();
    int start = at;
    if (peek('\'')) {
      StringBuilder value = new StringBuilder();
      at++;
      while (at < text.length() && text.charAt(at) != '\'') {
        char c = text.charAt(at++);
        if (c == '\\' && at < text.length()) {
          c = text.charAt(at++);
        }
        value.append(c);
      }
      if (at == text.length()) {
        throw new SyntaxException(start, "the text literal is never closed with '");
      }
      at++;
      return new Literal(LiteralKind.TEXT, value.toString());
    }
    if (peek('-') || (at < text.length() && Character.isDigit(text.charAt(at)))) {
      at++;
      while (at < text.length() && Character.isDigit(text.charAt(at))) {
        at++;
      }
      String digits = text.substring(start, at);
      if (digits.equals("-")) {
        throw new SyntaxException(start, "'-' must start an integer such as -1");
      }
      return new Literal(LiteralKind.INTEGER, digits);
    }
    while (at < text.length() && Character.isJavaIdentifierPart(text.charAt(at))) {
      at++;
    }
    String word = text.substring(start, at);
    if (word.isEmpty() || !KeyTemplate.isIdentifier(word)) {
      throw new SyntaxException(
          start,
          "expected null, true, false, an integer, 'text' or an enum constant after == or !=");
    }
    return switch (word) {
      case "null" -> new Literal(LiteralKind.NULL, word);
      case "true", "false" -> new Literal(LiteralKind.BOOLEAN, word);
      default -> new Literal(LiteralKind.CONSTANT, word);
    };
  }

  private boolean accept(String token) {
    skipSpaces();
    if (lookingAt(token)) {
      at += token.length();
      return true;
    }
    return false;
  }

  private boolean lookingAt(String token) {
    return text.startsWith(token, at);
  }

  private boolean peek(char c) {
    return at < text.length() && text.charAt(at) == c;
  }

  private void skipSpaces() {
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
  }
}
