package dev.cachegen.processor.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * The syntax of key templates: text with parameter paths in braces, {@code "user:{user.id}"}.
 * Parsing is pure string work; what the names refer to is checked by {@link KeyResolver}.
 */
public final class KeyTemplate {

  /** One piece of a parsed template. */
  public sealed interface Segment {}

  /**
   * Fixed text between placeholders.
   *
   * @param text the text, not empty
   */
  public record Text(String text) implements Segment {}

  /**
   * A placeholder such as {@code {user.id}}.
   *
   * @param path the names, parameter first: {@code [user, id]}
   */
  public record Placeholder(List<String> path) implements Segment {
    /** Copies the path. */
    public Placeholder {
      path = List.copyOf(path);
    }

    /** The path as written: {@code user.id}. */
    public String text() {
      return String.join(".", path);
    }
  }

  /** A syntax error, with the 0-based position in the template where it was found. */
  public static final class SyntaxException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int position;

    SyntaxException(int position, String detail) {
      super(detail);
      this.position = position;
    }

    /** The 0-based index in the template. */
    public int position() {
      return position;
    }
  }

  private KeyTemplate() {}

  /** Splits {@code template} into text and placeholders. */
  public static List<Segment> parse(String template) throws SyntaxException {
    List<Segment> segments = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c == '}') {
        throw new SyntaxException(i, "'}' closes no '{'");
      }
      if (c != '{') {
        text.append(c);
        i++;
        continue;
      }
      int close = i + 1;
      while (close < template.length() && template.charAt(close) != '}') {
        if (template.charAt(close) == '{') {
          throw new SyntaxException(close, "'{' inside a placeholder");
        }
        close++;
      }
      if (close == template.length()) {
        throw new SyntaxException(i, "'{' is never closed");
      }
      if (text.length() > 0) {
        segments.add(new Text(text.toString()));
        text.setLength(0);
      }
      segments.add(new Placeholder(path(template.substring(i + 1, close), i)));
      i = close + 1;
    }
    if (text.length() > 0) {
      segments.add(new Text(text.toString()));
    }
    return segments;
  }

  private static List<String> path(String content, int position) throws SyntaxException {
    if (content.isEmpty()) {
      throw new SyntaxException(position, "the placeholder {} names nothing");
    }
    List<String> names = List.of(content.split("\\.", -1));
    for (String name : names) {
      if (!isIdentifier(name)) {
        throw new SyntaxException(
            position,
            "{" + content + "} is not a parameter name followed by accessor names, like {user.id}");
      }
    }
    return names;
  }

  /** Whether {@code name} is a Java identifier: a parameter or accessor name. */
  static boolean isIdentifier(String name) {
    if (name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0))) {
      return false;
    }
    return name.chars().skip(1).allMatch(Character::isJavaIdentifierPart);
  }
}
