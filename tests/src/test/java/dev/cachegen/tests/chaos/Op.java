package dev.cachegen.tests.chaos;

/**
 * One logged call of a {@link ChaosNode}: what it was, on which node and key, the version it read
 * or wrote ({@code -1} when it threw), when it started and ended (wall-clock microseconds), and the
 * class of the exception it threw, or {@code null}.
 */
record Op(char kind, int node, String key, long version, long start, long end, String error) {
  static final char READ = 'R';
  static final char WATCH = 'V';
  static final char WRITE_THROUGH = 'W';
  static final char INVALIDATE = 'I';
  static final char WRITE_BEHIND = 'B';

  /** Parses a line as {@code ChaosNode} writes it. */
  static Op parse(String line) {
    String[] words = line.split(" ");
    if (words.length != 7 || words[0].length() != 1) {
      throw new IllegalArgumentException("not a chaos log line: \"" + line + "\"");
    }
    return new Op(
        words[0].charAt(0),
        Integer.parseInt(words[1]),
        words[2],
        Long.parseLong(words[3]),
        Long.parseLong(words[4]),
        Long.parseLong(words[5]),
        words[6].equals("-") ? null : words[6]);
  }

  boolean isRead() {
    return kind == READ || kind == WATCH;
  }

  /** A write of a key's version: a write-through or a write followed by an invalidation. */
  boolean isVersionWrite() {
    return kind == WRITE_THROUGH || kind == INVALIDATE;
  }

  boolean threw() {
    return error != null;
  }

  long micros() {
    return end - start;
  }
}
