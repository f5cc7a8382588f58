package dev.cachegen.runtime.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A path such as {@code /items/{id}}: literal segments compared as received, and parameters that
 * each take one whole, non-empty segment, percent-decoded as UTF-8.
 */
final class PathTemplate {
  private final String text;
  private final List<String> segments;

  private PathTemplate(String text, List<String> segments) {
    this.text = text;
    this.segments = segments;
  }

  static PathTemplate parse(String template) {
    if (!template.startsWith("/")) {
      throw new IllegalArgumentException(
          "path(\"" + template + "\"): must start with '/', for example \"/items/{id}\"");
    }
    List<String> segments = List.of(template.substring(1).split("/", -1));
    List<String> names = new ArrayList<>();
    for (String segment : segments) {
      boolean open = segment.startsWith("{");
      boolean close = segment.endsWith("}");
      if (open || close || segment.contains("{") || segment.contains("}")) {
        String name = open && close ? segment.substring(1, segment.length() - 1) : "";
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
          throw new IllegalArgumentException(
              "path(\""
                  + template
                  + "\"): a parameter takes a whole segment and is named like a Java identifier,"
                  + " for example \"/items/{id}\"");
        }
        if (names.contains(name)) {
          throw new IllegalArgumentException(
              "path(\"" + template + "\"): parameter {" + name + "} appears twice");
        }
        names.add(name);
      }
    }
    return new PathTemplate(template, segments);
  }

  /** The decoded parameters when {@code rawPath} matches, else {@code null}. */
  Map<String, String> match(String rawPath) {
    if (!rawPath.startsWith("/")) {
      return null;
    }
    String[] parts = rawPath.substring(1).split("/", -1);
    if (parts.length != segments.size()) {
      return null;
    }
    Map<String, String> parameters = null;
    for (int i = 0; i < parts.length; i++) {
      String segment = segments.get(i);
      if (segment.startsWith("{")) {
        String value = decode(parts[i]);
        if (value == null || value.isEmpty()) {
          return null;
        }
        if (parameters == null) {
          parameters = new LinkedHashMap<>();
        }
        parameters.put(segment.substring(1, segment.length() - 1), value);
      } else if (!segment.equals(parts[i])) {
        return null;
      }
    }
    return parameters == null ? Collections.emptyMap() : parameters;
  }

  /** Percent-decodes a path segment as UTF-8 ('+' stays '+'); {@code null} when malformed. */
  static String decode(String segment) {
    if (segment.indexOf('%') < 0) {
      return segment;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c == '%') {
        if (i + 2 >= segment.length()) {
          return null;
        }
        int high = Character.digit(segment.charAt(i + 1), 16);
        int low = Character.digit(segment.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          return null;
        }
        bytes.write(high * 16 + low);
        i += 2;
      } else {
        byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return text;
  }
}
