package dev.cachegen.runtime.internal;

import java.util.function.Function;

/**
 * Builds the shared (L2) key of one call: the runtime's prefix, the cache name and the fingerprint
 * of the cached type's shape, then the key template with every value in square brackets, for
 * example {@code app:ItemService.find:3f9c2a71:user:[42]}.
 *
 * <p>Keys are injective: each value is written between brackets with {@code '\'}, {@code '['} and
 * {@code ']'} escaped, and {@code null} has a form no string can take ({@code [\0]}), so {@code
 * ("a:b", "c")} and {@code ("a", "b:c")} give different keys, and so do {@code null} and {@code
 * "null"}. Brackets rather than braces keep Redis Cluster from reading a value as a hash tag, so
 * entries spread over all slots. Numbers, booleans and characters are written with {@code
 * String.valueOf}, enums with {@code name()}, other types allowed by the processor (UUID, {@code
 * java.time} values, big numbers) with {@code toString()}.
 */
public final class SharedKeyBuilder {
  private final StringBuilder key;

  public SharedKeyBuilder(String namespace) {
    this.key = new StringBuilder(namespace.length() + 32).append(namespace);
  }

  /** Appends fixed text of the key template, such as {@code "user:"}. */
  public SharedKeyBuilder literal(String text) {
    escapeInto(text);
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

  /** The finished key. */
  public String build() {
    return key.toString();
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
    for (int i = 0; i < text.length(); i++) {
      escapeInto(text.charAt(i));
    }
  }

  private void escapeInto(char c) {
    if (c == '\\' || c == '[' || c == ']') {
      key.append('\\');
    }
    key.append(c);
  }
}
