package dev.cachegen.runtime;

import java.util.Arrays;
import java.util.List;

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

  /** The L1 key for several key values, in order; {@code null} values are allowed. */
  public static List<Object> local(Object first, Object second, Object... more) {
    Object[] values = new Object[2 + more.length];
    values[0] = first;
    values[1] = second;
    System.arraycopy(more, 0, values, 2, more.length);
    return Arrays.asList(values);
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
