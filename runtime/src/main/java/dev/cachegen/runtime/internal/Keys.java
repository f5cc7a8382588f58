package dev.cachegen.runtime.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * In-process (L1) keys, as generated code builds them. A single key value is used as it is, so an
 * L1 hit allocates nothing beyond what the caller's arguments already are; several values form a
 * list compared element by element. The shared (L2) key is a string built by {@link
 * SharedKeyBuilder} from the same values.
 */
public final class Keys {
  /** The key of a method whose key has no values, such as {@code Config config()}. */
  public static final Object NONE = new Marker("Keys.NONE");

  /** Stands for a {@code null} single key value; Caffeine keys cannot be {@code null}. */
  private static final Object NULL = new Marker("Keys.NULL");

  private Keys() {}

  /** The L1 key for a single key value. */
  public static Object local(Object value) {
    return value == null ? NULL : value;
  }

  /**
   * The L1 key for two key values, in order; {@code null} values are allowed. A small final pair
   * with its hash computed once: a hit allocates it and nothing else.
   */
  public static Object local(Object first, Object second) {
    return new Pair(first, second);
  }

  /** The L1 key for three or more key values, in order; {@code null} values are allowed. */
  public static List<Object> local(Object first, Object second, Object third, Object... more) {
    Object[] values = new Object[3 + more.length];
    values[0] = first;
    values[1] = second;
    values[2] = third;
    System.arraycopy(more, 0, values, 3, more.length);
    return Arrays.asList(values);
  }

  /**
   * The L1 key value of a {@code long[]} key part: an immutable copy compared element by element,
   * so that equal arrays are equal keys and a caller changing its array afterwards changes no key.
   * A {@code null} array stays {@code null}, distinct from an empty one.
   */
  public static Object array(long[] values) {
    return values == null ? null : new ArrayValue(values.clone(), Arrays.hashCode(values));
  }

  /** The L1 key value of an {@code int[]} key part; see {@link #array(long[])}. */
  public static Object array(int[] values) {
    return values == null ? null : new ArrayValue(values.clone(), Arrays.hashCode(values));
  }

  /** The L1 key value of a {@code short[]} key part; see {@link #array(long[])}. */
  public static Object array(short[] values) {
    return values == null ? null : new ArrayValue(values.clone(), Arrays.hashCode(values));
  }

  /** The L1 key value of a {@code byte[]} key part; see {@link #array(long[])}. */
  public static Object array(byte[] values) {
    return values == null ? null : new ArrayValue(values.clone(), Arrays.hashCode(values));
  }

  /** The L1 key value of a {@code char[]} key part; see {@link #array(long[])}. */
  public static Object array(char[] values) {
    return values == null ? null : new ArrayValue(values.clone(), Arrays.hashCode(values));
  }

  /** The L1 key value of a {@code boolean[]} key part; see {@link #array(long[])}. */
  public static Object array(boolean[] values) {
    return values == null ? null : new ArrayValue(values.clone(), Arrays.hashCode(values));
  }

  /**
   * The L1 key value of a {@code double[]} key part, compared as {@link Arrays#equals(double[],
   * double[])} compares ({@code 0.0} and {@code -0.0} differ, as their shared keys do).
   */
  public static Object array(double[] values) {
    return values == null ? null : new ArrayValue(values.clone(), Arrays.hashCode(values));
  }

  /** The L1 key value of a {@code float[]} key part; see {@link #array(double[])}. */
  public static Object array(float[] values) {
    return values == null ? null : new ArrayValue(values.clone(), Arrays.hashCode(values));
  }

  /**
   * The L1 key value of an array of reference key values ({@code String[]}, {@code Long[]}, an
   * array of enums or records), element by element; {@code null} elements are allowed.
   */
  public static Object array(Object[] values) {
    return values == null ? null : new ArrayValue(values.clone(), Arrays.hashCode(values));
  }

  /** A copied array key value: equal when the arrays are equal element by element. */
  private static final class ArrayValue {
    private final Object array;
    private final int hash;

    ArrayValue(Object array, int hash) {
      this.array = array;
      this.hash = hash;
    }

    @Override
    public boolean equals(Object other) {
      if (this == other) {
        return true;
      }
      return other instanceof ArrayValue that
          && hash == that.hash
          && Objects.deepEquals(array, that.array);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public String toString() {
      return Arrays.deepToString(new Object[] {array});
    }
  }

  /** Two key values. */
  private static final class Pair {
    private final Object first;
    private final Object second;
    private final int hash;

    Pair(Object first, Object second) {
      this.first = first;
      this.second = second;
      this.hash = 31 * Objects.hashCode(first) + Objects.hashCode(second);
    }

    @Override
    public boolean equals(Object other) {
      if (this == other) {
        return true;
      }
      if (!(other instanceof Pair)) {
        return false;
      }
      Pair that = (Pair) other;
      return hash == that.hash
          && Objects.equals(first, that.first)
          && Objects.equals(second, that.second);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public String toString() {
      return "(" + first + ", " + second + ")";
    }
  }

  private static final class Marker {
    private final String name;

    Marker(String name) {
      this.name = name;
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
