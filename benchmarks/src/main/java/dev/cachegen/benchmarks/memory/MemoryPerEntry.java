package dev.cachegen.benchmarks.memory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cachegen.benchmarks.memory.Prices.Price;
import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.testing.ChildJvm;
import dev.cachegen.testing.TestRedis;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Heap per in-process entry, measured as the heap after a full GC with {@code N} entries less the
 * heap after a full GC before them, divided by {@code N}: in a fresh JVM per variant (serial GC, so
 * that "after a full GC" means every unreachable object is gone), each variant three times.
 *
 * <ul>
 *   <li>{@code caffeine}: the baseline, a plain Caffeine cache with the runtime's settings for this
 *       cache (maximum size, {@code expireAfterWrite} of the {@code localTtl}), filled with the
 *       same keys and values;
 *   <li>{@code memory}: the generated {@code CachedPrices} over an in-memory runtime;
 *   <li>{@code redis}: the same over a runtime with Redis (a {@code redis-server} started for the
 *       run, or {@code REDIS_URL}), whose in-process tier also keeps the shared-key index.
 * </ul>
 *
 * <p>Every variant holds the same 100,000 keys (boxed {@code long} ids) and values (a record of two
 * {@code long}s, made by the delegate), so the differences are the cache's own.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.cachegen.benchmarks.memory.MemoryPerEntry [N]
 * </pre>
 */
public final class MemoryPerEntry {
  private static final int ROUNDS = 3;

  /** Every variant's {@code localMaximumSize}: room for all entries, so none is evicted. */
  private static final long MAXIMUM_SIZE = 1_000_000;

  private static final long FIRST_ID = 1_000_000;
  private static final String RESULT = "bytes-per-entry ";

  private MemoryPerEntry() {}

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    if (args.length > 1) {
      measureHere(args[1], count, args.length > 2 ? args[2] : null);
      return;
    }
    String[] variants = {"caffeine", "memory", "redis"};
    List<List<Double>> results = new ArrayList<>();
    for (int i = 0; i < variants.length; i++) {
      results.add(new ArrayList<>());
    }
    try (TestRedis redis = TestRedis.owned()) {
      for (int round = 0; round < ROUNDS; round++) {
        for (int i = 0; i < variants.length; i++) {
          results.get(i).add(inChild(variants[i], count, redis.uri()));
        }
      }
    }
    double baseline = median(results.get(0));
    System.out.printf(
        Locale.ROOT, "%d entries, heap per entry (median of %d JVMs):%n", count, ROUNDS);
    for (int i = 0; i < variants.length; i++) {
      double bytes = median(results.get(i));
      System.out.printf(
          Locale.ROOT,
          "%-9s %7.1f B  (%.2f x caffeine)  runs %s%n",
          variants[i],
          bytes,
          bytes / baseline,
          results.get(i));
    }
  }

  private static double inChild(String variant, int count, String redisUri) {
    try (ChildJvm child =
        ChildJvm.builder(MemoryPerEntry.class)
            .jvmOption("-XX:+UseSerialGC")
            .jvmOption("-Xms512m")
            .jvmOption("-Xmx512m")
            .arguments(Integer.toString(count), variant, redisUri)
            .start()) {
      String line = child.nextLine(Duration.ofMinutes(5));
      while (!line.startsWith(RESULT)) { // a log line; the child's errors fail nextLine
        line = child.nextLine(Duration.ofMinutes(5));
      }
      return Double.parseDouble(line.substring(RESULT.length()));
    }
  }

  /** In the child: builds the variant, fills it, and prints the heap per entry. */
  private static void measureHere(String variant, int count, String redisUri) throws Exception {
    Prices source = id -> new Price(id, id % 1000);
    Object held;
    CacheRuntime runtime = null;
    Prices prices = null;
    Cache<Long, Price> caffeine = null;
    switch (variant) {
      case "caffeine" -> {
        caffeine =
            Caffeine.newBuilder()
                .maximumSize(MAXIMUM_SIZE)
                .expireAfterWrite(Duration.ofHours(1))
                .build();
        held = caffeine;
      }
      case "memory" -> {
        runtime = CacheRuntime.builder().localMaximumSize(MAXIMUM_SIZE).build();
        prices = new CachedPrices(source, runtime);
        held = prices;
      }
      case "redis" -> {
        runtime =
            CacheRuntime.builder()
                .redis(redisUri)
                .keyPrefix("memory")
                .localMaximumSize(MAXIMUM_SIZE)
                .build();
        prices = new CachedPrices(source, runtime);
        held = prices;
      }
      default -> throw new IllegalArgumentException(variant);
    }
    // The first calls load the classes and create the cache's structures; not counted.
    fill(caffeine, prices, source, FIRST_ID - 1_000, 1_000);
    long before = usedAfterGc();
    fill(caffeine, prices, source, FIRST_ID, count);
    long after = usedAfterGc();
    long size = caffeine != null ? caffeine.estimatedSize() : 0;
    if (caffeine != null && size != count + 1_000) {
      throw new IllegalStateException("caffeine holds " + size + " entries");
    }
    if (prices != null) {
      long hits = verifyHeld(prices, count);
      if (hits != count) {
        throw new IllegalStateException(variant + " kept " + hits + " of " + count + " entries");
      }
    }
    System.out.println(RESULT + (double) (after - before) / count);
    java.lang.ref.Reference.reachabilityFence(held);
    if (runtime != null) {
      runtime.close();
    }
  }

  private static void fill(
      Cache<Long, Price> caffeine, Prices prices, Prices source, long first, int count) {
    for (long id = first; id < first + count; id++) {
      if (caffeine != null) {
        caffeine.put(id, source.price(id));
      } else {
        prices.price(id);
      }
    }
  }

  /** Reads every key again through the decorator, counting the answers that were not loaded. */
  private static long verifyHeld(Prices prices, int count) {
    long held = 0;
    for (long id = FIRST_ID; id < FIRST_ID + count; id++) {
      if (prices.price(id) != null) {
        held++;
      }
    }
    return held;
  }

  /**
   * The heap in use after full collections, collected again until it stops shrinking (objects freed
   * by reference processing go in the next one).
   */
  private static long usedAfterGc() {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 10; i++) {
      System.gc();
      long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      if (now >= used) {
        return used;
      }
      used = now;
    }
    return used;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }
}
