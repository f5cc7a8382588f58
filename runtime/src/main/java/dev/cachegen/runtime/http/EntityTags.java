package dev.cachegen.runtime.http;

import java.util.ArrayList;
import java.util.List;

/**
 * The value of an {@code If-Match} or {@code If-None-Match} field (RFC 9110 sections 13.1.1 and
 * 13.1.2): either {@code *} or a list of entity-tags, compared with the current tag strongly or
 * weakly (section 8.8.3.2).
 *
 * <p>A field that does not fit the grammar ({@code abc} without quotes, {@code *} inside a list, a
 * tag with a space or a stray quote) matches nothing. For {@code If-None-Match} that means a full
 * {@code 200}; for {@code If-Match} a {@code 412}: either way the safe answer, never a wrong {@code
 * 304} and never an update the client did not ask for.
 */
final class EntityTags {
  static final EntityTags MALFORMED = new EntityTags(false, List.of());
  private static final EntityTags ANY = new EntityTags(true, List.of());

  private final boolean any;
  private final List<String> tags;

  private EntityTags(boolean any, List<String> tags) {
    this.any = any;
    this.tags = tags;
  }

  /** {@code true} for {@code *}. */
  boolean isAny() {
    return any;
  }

  /** The entity-tags, each as sent ({@code "x"} or {@code W/"x"}); empty for {@code *}. */
  List<String> tags() {
    return tags;
  }

  /**
   * Parses the field's value; several field lines are joined with commas first, as lists allow (RFC
   * 9110 section 5.3).
   */
  static EntityTags parse(List<String> fieldLines) {
    String value = String.join(",", fieldLines).strip();
    if (value.equals("*")) {
      return ANY;
    }
    List<String> tags = new ArrayList<>();
    int i = 0;
    int length = value.length();
    while (i < length) {
      // Empty list elements and optional whitespace are allowed (section 5.6.1).
      char c = value.charAt(i);
      if (c == ',' || c == ' ' || c == '\t') {
        i++;
        continue;
      }
      int start = i;
      if (value.startsWith("W/", i)) {
        i += 2;
      }
      if (i >= length || value.charAt(i) != '"') {
        return MALFORMED;
      }
      i++;
      while (i < length && isEtagc(value.charAt(i))) {
        i++;
      }
      if (i >= length || value.charAt(i) != '"') {
        return MALFORMED;
      }
      i++;
      tags.add(value.substring(start, i));
      while (i < length && (value.charAt(i) == ' ' || value.charAt(i) == '\t')) {
        i++;
      }
      if (i < length && value.charAt(i) != ',') {
        return MALFORMED;
      }
    }
    return tags.isEmpty() ? MALFORMED : new EntityTags(false, List.copyOf(tags));
  }

  /** Whether any listed tag matches {@code current} by strong comparison (both strong, equal). */
  boolean anyStrongMatch(String current) {
    if (current == null || isWeak(current)) {
      return false;
    }
    for (String tag : tags) {
      if (!isWeak(tag) && tag.equals(current)) {
        return true;
      }
    }
    return false;
  }

  /** Whether any listed tag matches {@code current} by weak comparison (opaque parts equal). */
  boolean anyWeakMatch(String current) {
    if (current == null) {
      return false;
    }
    String opaque = opaque(current);
    for (String tag : tags) {
      if (opaque(tag).equals(opaque)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isWeak(String tag) {
    return tag.startsWith("W/");
  }

  private static String opaque(String tag) {
    return isWeak(tag) ? tag.substring(2) : tag;
  }

  /** etagc = %x21 / %x23-7E / obs-text */
  private static boolean isEtagc(char c) {
    return c == 0x21 || (c >= 0x23 && c <= 0x7E) || (c >= 0x80 && c <= 0xFF);
  }

  @Override
  public String toString() {
    return any ? "*" : this == MALFORMED ? "(malformed)" : String.join(", ", tags);
  }
}
