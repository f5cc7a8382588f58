package dev.cachegen.benchmarks;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The keys every benchmark thread cycles through: a small fixed set, so that after the warm-up fill
 * every call is a hit. The ids lie outside {@code Long.valueOf}'s cache of -128..127, so a boxed
 * key costs what it costs in an application.
 */
@State(Scope.Thread)
public class Workload {
  /** How many distinct keys; a power of two so the cursor wraps with a mask. */
  public static final int KEY_COUNT = 16;

  private static final long[] IDS = new long[KEY_COUNT];
  private static final String[] TENANTS = {"acme", "globex", "initech", "umbrella"};

  static {
    for (int i = 0; i < KEY_COUNT; i++) {
      IDS[i] = 100_000L + 7_919L * i;
    }
  }

  private int cursor;

  /** Advances to the next key and returns its index. */
  public int next() {
    cursor = (cursor + 1) & (KEY_COUNT - 1);
    return cursor;
  }

  /** The id of key {@code index}. */
  public static long id(int index) {
    return IDS[index];
  }

  /** The tenant of key {@code index}. */
  public static String tenant(int index) {
    return TENANTS[index & (TENANTS.length - 1)];
  }
}
