package dev.cachegen.benchmarks;

import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.runtime.internal.CacheDefinition;
import dev.cachegen.runtime.internal.WriteBehindDefinition;
import dev.cachegen.testing.TestRedis;

/**
 * How long building and closing a runtime take, in memory and over Redis, with one cache and one
 * write-behind queue and nothing pending: wall-clock times of a few rounds, printed, the first
 * including class loading. A plain main rather than JMH: the question is start-up and shut-down
 * latency, not steady-state throughput.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.cachegen.benchmarks.BuildAndClose
 * </pre>
 */
public final class BuildAndClose {
  private BuildAndClose() {}

  /** What one write-behind call records. */
  public record Save(String id) {}

  public static void main(String[] args) throws Exception {
    measure("in memory", null);
    try (TestRedis redis = TestRedis.locate()) {
      measure("over Redis", redis.uri());
    }
  }

  private static void measure(String what, String uri) {
    for (int round = 1; round <= 5; round++) {
      long start = System.nanoTime();
      CacheRuntime runtime =
          uri == null
              ? CacheRuntime.inMemory()
              : CacheRuntime.builder().redis(uri).keyPrefix("build-and-close").build();
      runtime.cache(CacheDefinition.<String>builder("BuildAndClose.cache", String.class).build());
      runtime.writeBehind(
          WriteBehindDefinition.<Save>builder("BuildAndClose.saves", Save.class).build(),
          save -> {});
      long built = System.nanoTime();
      runtime.close();
      long closed = System.nanoTime();
      System.out.printf(
          "%-10s round %d: build %6.1f ms, close %6.1f ms%n",
          what, round, (built - start) / 1e6, (closed - built) / 1e6);
    }
  }
}
