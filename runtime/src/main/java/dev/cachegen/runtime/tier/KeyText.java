package dev.cachegen.runtime.tier;

import dev.cachegen.runtime.internal.SharedKeyBuilder;
import dev.cachegen.runtime.shared.KeySpace;

/**
 * A key given as text by an operator (through {@code CacheRuntime.inspect} or {@code evict}),
 * checked against the form {@link SharedKeyBuilder} writes and turned into the shared key.
 *
 * <p>The text is what follows the cache's namespace in Redis: the key template's literal text, and
 * each value in square brackets with {@code \}, {@code [} and {@code ]} escaped by a backslash
 * ({@code [42]}, {@code user:[42]}, {@code [a][1]}, {@code [[1][20]]} for a record, {@code [\0]}
 * for {@code null}), or a shortened key's {@code \#} and 64 hex digits. The whole Redis key,
 * namespace included, is accepted too. Only the form is checked: a well-formed key that no call
 * ever built reads as absent.
 */
final class KeyText {
  private static final String SHORTENED = "\\#";

  private KeyText() {}

  /**
   * The shared key that {@code text} names in the namespace {@code namespace}.
   *
   * @throws IllegalArgumentException if {@code text} is not a key {@link SharedKeyBuilder} writes
   */
  static String sharedKey(String namespace, String cacheName, String text) {
    String tail = text;
    if (text.startsWith(namespace)) { // the whole Redis key, hash tag closed
      tail = text.substring(namespace.length());
      if (tail.endsWith(KeySpace.ENTRY_END)) {
        tail = tail.substring(0, tail.length() - KeySpace.ENTRY_END.length());
      }
    }
    String problem = problem(tail);
    if (problem != null) {
      throw new IllegalArgumentException(
          "key \""
              + text
              + "\" of cache "
              + cacheName
              + " does not parse: "
              + problem
              + ". Write it as it follows "
              + namespace
              + " in Redis: each value in square brackets, such as [42], user:[42] or [a][1]");
    }
    if (tail.startsWith(SHORTENED)) {
      return namespace + tail + KeySpace.ENTRY_END;
    }
    return new SharedKeyBuilder(namespace, KeySpace.ENTRY_END).written(tail).build();
  }

  /** What is wrong with {@code tail}, or {@code null} when it is well formed. */
  private static String problem(String tail) {
    if (tail.startsWith(SHORTENED)) {
      String digest = tail.substring(SHORTENED.length());
      return digest.matches("[0-9a-f]{64}")
          ? null
          : "a shortened key is \\# and 64 lowercase hex digits";
    }
    int depth = 0;
    for (int i = 0; i < tail.length(); i++) {
      char c = tail.charAt(i);
      if (c == '[') {
        depth++;
      } else if (c == ']') {
        if (--depth < 0) {
          return "the ] at " + i + " closes no [";
        }
      } else if (c == '\\') {
        String escape = escape(tail, i);
        if (escape == null) {
          return "the \\ at "
              + i
              + " starts no escape (\\\\, \\[, \\], [\\0] or \\u and 4 hex"
              + " digits)";
        }
        i += escape.length() - 1;
      } else if (Character.isSurrogate(c)
          && !(Character.isHighSurrogate(c)
              && i + 1 < tail.length()
              && Character.isLowSurrogate(tail.charAt(++i)))) {
        return "an unpaired surrogate at " + i + " (written \\u and 4 hex digits in keys)";
      }
    }
    return depth == 0 ? null : depth + " [ left open";
  }

  /** The escape starting at {@code tail[i]}, a backslash, or {@code null} if there is none. */
  private static String escape(String tail, int i) {
    if (i + 1 >= tail.length()) {
      return null;
    }
    char next = tail.charAt(i + 1);
    if (next == '\\' || next == '[' || next == ']') {
      return tail.substring(i, i + 2);
    }
    if (next == '0' && i > 0 && tail.charAt(i - 1) == '[' && tail.startsWith("]", i + 2)) {
      return "\\0"; // null, always a value of its own: [\0]
    }
    if (next == 'u'
        && tail.length() >= i + 6
        && tail.substring(i + 2, i + 6).matches("[0-9a-f]{4}")) {
      return tail.substring(i, i + 6);
    }
    return null;
  }
}
