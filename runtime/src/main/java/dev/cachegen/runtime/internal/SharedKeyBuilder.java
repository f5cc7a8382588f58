package dev.cachegen.runtime.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.Function;

/**
 * Builds the shared (L2) key of one call: the runtime's prefix, the cache name and the fingerprint
 * of the cached type's shape, then the key template with every value in square brackets, for
 * example {@code app:{ItemService.find:3f9c2a71:user:[42]}} (the runtime's namespace opens a Redis
 * Cluster hash tag that the end given to the constructor closes).
 *
 * <p>Keys are injective: each value is written between brackets with {@code '\'}, {@code '['} and
 * {@code ']'} escaped, and {@code null} has a form no string can take ({@code [\0]}), so {@code
 * ("a:b", "c")} and {@code ("a", "b:c")} give different keys, and so do {@code null} and {@code
 * "null"}. Numbers, booleans and characters are written with {@code String.valueOf}, enums with
 * {@code name()}, other types allowed by the processor (UUID, {@code java.time} values, big
 * numbers) with {@code toString()}.
 *
 * <p>Injective for every Java string, not only well-formed text: an unpaired UTF-16 surrogate,
 * which UTF-8 cannot carry, is written as a backslash, {@code u} and four lowercase hex digits, a
 * form no other character takes, since a literal backslash is written {@code \\}. A key whose part
 * after the namespace is longer than {@value #LONGEST_TAIL} characters is shortened to {@code \#}
 * and the SHA-256 of that part (64 hex digits); no unshortened key starts its tail with {@code \#},
 * and telling two long keys apart then rests on SHA-256's collision resistance.
 */
public final class SharedKeyBuilder {
  /** The longest part after the namespace that is kept as it is. */
  public static final int LONGEST_TAIL = 256;

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final StringBuilder key;
  private final int namespaceLength;
  private final String end;

  public SharedKeyBuilder(String namespace) {
    this(namespace, "");
  }

  /**
   * A builder whose keys start with {@code namespace} and finish with {@code end}, which is not
   * part of the tail that is shortened (the closing brace of the runtime's hash tags).
   */
  public SharedKeyBuilder(String namespace, String end) {
    this.key = new StringBuilder(namespace.length() + 32).append(namespace);
    this.namespaceLength = namespace.length();
    this.end = end;
  }

  /** Appends fixed text of the key template, such as {@code "user:"}. */
  public SharedKeyBuilder literal(String text) {
    escapeInto(text);
    return this;
  }

  /**
   * Appends a key tail already written in this class's form, as it is: for operations tools that
   * take a key as text (the caller checks its form). {@link #build()} still shortens a long one.
   */
  public SharedKeyBuilder written(String tail) {
    key.append(tail);
    return this;
  }

  /** Appends a {@code long} value. */
  public SharedKeyBuilder value(long value) {
    key.append('[').append(value).append(']');
    return this;
  }

  /** Appends an {@code int} value. */
  public SharedKeyBuilder value(int value) {
    key.append('[').append(value).append(']');
    return this;
  }

  /** Appends a {@code boolean} value. */
  public SharedKeyBuilder value(boolean value) {
    key.append('[').append(value).append(']');
    return this;
  }

  /** Appends a {@code double} value, written as {@link Double#toString(double)} writes it. */
  public SharedKeyBuilder value(double value) {
    key.append('[').append(value).append(']');
    return this;
  }

  /** Appends a {@code float} value, written as {@link Float#toString(float)} writes it. */
  public SharedKeyBuilder value(float value) {
    key.append('[').append(value).append(']');
    return this;
  }

  /** Appends a {@code char} value. */
  public SharedKeyBuilder value(char value) {
    key.append('[');
    escapeInto(value);
    key.append(']');
    return this;
  }

  /** Appends a string value, escaped; {@code null} is distinct from every string. */
  public SharedKeyBuilder value(String value) {
    if (value == null) {
      return nullValue();
    }
    key.append('[');
    escapeInto(value);
    key.append(']');
    return this;
  }

  /**
   * Appends a value of a type the processor accepted as a key part: a boxed primitive, an enum (by
   * {@code name()}), or a type whose {@code toString()} is a faithful text form (UUID, {@code
   * java.time} values, {@code BigInteger}, {@code BigDecimal}).
   */
  public SharedKeyBuilder value(Object value) {
    if (value == null) {
      return nullValue();
    }
    String text = value instanceof Enum<?> ? ((Enum<?>) value).name() : value.toString();
    return value(text);
  }

  /**
   * Appends a record (or another value object) as the group of its components, each written as
   * {@link #value(Object)} writes it: {@code [[1][20]]} for {@code Page(1, 20)}. A {@code null}
   * record is {@code [\0]}, distinct from a record whose components are {@code null}.
   */
  @SafeVarargs
  public final <R> SharedKeyBuilder record(R record, Function<? super R, ?>... components) {
    if (record == null) {
      return nullValue();
    }
    key.append('[');
    for (Function<? super R, ?> component : components) {
      value(component.apply(record));
    }
    key.append(']');
    return this;
  }

  /**
   * Appends a {@code long[]} key part as the group of its elements: {@code [[1][2]]} for {@code {1,
   * 2}}, {@code []} for an empty array and {@code [\0]} for {@code null}.
   */
  public SharedKeyBuilder array(long[] values) {
    if (values == null) {
      return nullValue();
    }
    key.append('[');
    for (long value : values) {
      value(value);
    }
    key.append(']');
    return this;
  }

  /** Appends a {@code int[]} key part; see {@link #array(long[])}. */
  public SharedKeyBuilder array(int[] values) {
    if (values == null) {
      return nullValue();
    }
    key.append('[');
    for (int value : values) {
      value(value);
    }
    key.append(']');
    return this;
  }

  /** Appends a {@code short[]} key part; see {@link #array(long[])}. */
  public SharedKeyBuilder array(short[] values) {
    if (values == null) {
      return nullValue();
    }
    key.append('[');
    for (short value : values) {
      value((int) value);
    }
    key.append(']');
    return this;
  }

  /** Appends a {@code byte[]} key part; see {@link #array(long[])}. */
  public SharedKeyBuilder array(byte[] values) {
    if (values == null) {
      return nullValue();
    }
    key.append('[');
    for (byte value : values) {
      value((int) value);
    }
    key.append(']');
    return this;
  }

  /** Appends a {@code char[]} key part; see {@link #array(long[])}. */
  public SharedKeyBuilder array(char[] values) {
    if (values == null) {
      return nullValue();
    }
    key.append('[');
    for (char value : values) {
      value(value);
    }
    key.append(']');
    return this;
  }

  /** Appends a {@code boolean[]} key part; see {@link #array(long[])}. */
  public SharedKeyBuilder array(boolean[] values) {
    if (values == null) {
      return nullValue();
    }
    key.append('[');
    for (boolean value : values) {
      value(value);
    }
    key.append(']');
    return this;
  }

  /** Appends a {@code double[]} key part; see {@link #array(long[])}. */
  public SharedKeyBuilder array(double[] values) {
    if (values == null) {
      return nullValue();
    }
    key.append('[');
    for (double value : values) {
      value(value);
    }
    key.append(']');
    return this;
  }

  /** Appends a {@code float[]} key part; see {@link #array(long[])}. */
  public SharedKeyBuilder array(float[] values) {
    if (values == null) {
      return nullValue();
    }
    key.append('[');
    for (float value : values) {
      value(value);
    }
    key.append(']');
    return this;
  }

  /**
   * Appends an array of reference key values ({@code String[]}, {@code Long[]}, an array of enums)
   * as the group of its elements, each written as {@link #value(Object)} writes it: {@code ["a,b"]}
   * is {@code [[a,b]]} and {@code ["a", "b"]} is {@code [[a][b]]}; a {@code null} element is {@code
   * [\0]}.
   */
  public SharedKeyBuilder array(Object[] values) {
    if (values == null) {
      return nullValue();
    }
    key.append('[');
    for (Object value : values) {
      value(value);
    }
    key.append(']');
    return this;
  }

  /**
   * Appends an array of records as the group of its elements, each written as {@link #record}
   * writes it: {@code [[[1][20]][[2][20]]]}.
   */
  @SafeVarargs
  public final <R> SharedKeyBuilder records(R[] values, Function<? super R, ?>... components) {
    if (values == null) {
      return nullValue();
    }
    key.append('[');
    for (R value : values) {
      if (value == null) {
        nullValue();
        continue;
      }
      key.append('[');
      for (Function<? super R, ?> component : components) {
        value(component.apply(value));
      }
      key.append(']');
    }
    key.append(']');
    return this;
  }

  /** The finished key, shortened by a digest when its tail is long. */
  public String build() {
    if (key.length() - namespaceLength <= LONGEST_TAIL) {
      if (end.isEmpty()) {
        return key.toString();
      }
      String built = key.append(end).toString();
      key.setLength(key.length() - end.length()); // the builder may go on
      return built;
    }
    byte[] digest;
    try {
      digest =
          MessageDigest.getInstance("SHA-256")
              .digest(key.substring(namespaceLength).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
    StringBuilder shortened = new StringBuilder(namespaceLength + 2 + 64 + end.length());
    shortened.append(key, 0, namespaceLength).append("\\#");
    for (byte b : digest) {
      shortened.append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
    }
    return shortened.append(end).toString();
  }

  @Override
  public String toString() {
    return key.toString();
  }

  private SharedKeyBuilder nullValue() {
    key.append("[\\0]");
    return this;
  }

  private void escapeInto(String text) {
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < length
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        key.append(c).append(text.charAt(++i)); // a well-formed pair: UTF-8 carries it
      } else {
        escapeInto(c);
      }
    }
  }

  private void escapeInto(char c) {
    if (Character.isSurrogate(c)) {
      key.append("\\u")
          .append(HEX[(c >> 12) & 0xF])
          .append(HEX[(c >> 8) & 0xF])
          .append(HEX[(c >> 4) & 0xF])
          .append(HEX[c & 0xF]);
      return;
    }
    if (c == '\\' || c == '[' || c == ']') {
      key.append('\\');
    }
    key.append(c);
  }
}
