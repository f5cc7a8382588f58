package dev.cachegen.benchmarks;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cachegen.runtime.CacheRuntime;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openjdk.jol.info.GraphLayout;

/**
 * Heap per in-process entry, measured as the heap in use after a full collection: filled minus
 * empty, divided by the number of entries. Not a JMH benchmark (the question is bytes, not time).
 *
 * <p>Every variant holds the same {@link Item} values, created and kept by this harness before the
 * empty measurement, so they are not counted; the boxed {@code Long} keys are counted in every
 * variant, as each call makes its own. The baseline is plain Caffeine with the runtime's L1
 * settings ({@code maximumSize}, {@code expireAfterWrite} of the cache's {@code localTtl}); the
 * runtime is filled through the generated {@code CachedItemService}, in memory and over Redis.
 *
 * <pre>
 * java -XX:+UseSerialGC -cp benchmarks/target/benchmarks.jar dev.cachegen.benchmarks.Footprint
 * </pre>
 *
 * <p>Options: {@code --entries 100000} and {@code --no-redis}. Each variant runs in a JVM of its
 * own. Redis is {@code REDIS_URL} when set, else a {@code redis-server} from the {@code PATH} on a
 * free port.
 */
public final class Footprint {
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  /** Above {@code Long.valueOf}'s cache, so every key is a {@code Long} of its own. */
  private static final long FIRST_ID = 1_000_000L;

  private Footprint() {}

  /**
   * Prints bytes per entry for each variant and its ratio to plain Caffeine. Each variant runs in a
   * JVM of its own (this class with {@code --variant}), so that nothing one variant left reachable
   * (a pending maintenance task, a thread's buffer) counts in another's figure.
   */
  public static void main(String[] args) throws Exception {
    // JOL reads the fields of records (the Item copies) only this way on Java 17.
    System.setProperty("jol.magicFieldOffset", "true");
    int entries = 100_000;
    boolean redis = true;
    String variant = null;
    String redisUri = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--entries" -> entries = Integer.parseInt(args[++i]);
        case "--no-redis" -> redis = false;
        case "--variant" -> variant = args[++i];
        case "--redis" -> redisUri = args[++i];
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (variant != null) {
      System.out.println(measure(variant, entries, redisUri));
      return;
    }
    double caffeine = child("caffeine", entries, null);
    report("plain Caffeine (same maximumSize and expireAfterWrite)", caffeine, caffeine);
    report("cachegen, in memory", child("memory", entries, null), caffeine);
    if (redis) {
      try (LocalRedis server = LocalRedis.start()) {
        report("cachegen over Redis", child("redis", entries, server.uri()), caffeine);
      }
    }
  }

  private static double measure(String variant, int entries, String redisUri)
      throws InterruptedException {
    Item[] values = new Item[entries];
    for (int i = 0; i < entries; i++) {
      values[i] = new Item(id(i), "item " + i, "description " + i, i, List.of("tag" + (i % 7)));
    }
    return switch (variant) {
      case "caffeine" -> caffeine(values);
      case "memory" -> runtime(values, CacheRuntime.builder());
      case "redis" -> runtime(values, CacheRuntime.builder().redis(redisUri));
      default -> throw new IllegalArgumentException("unknown variant " + variant);
    };
  }

  /** Runs one variant in a new JVM with this JVM's class path and garbage collector flags. */
  private static double child(String variant, int entries, String redisUri) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            Footprint.class.getName(),
            "--variant",
            variant,
            "--entries",
            Integer.toString(entries)));
    if (redisUri != null) {
      command.add("--redis");
      command.add(redisUri);
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException(variant + " failed:\n" + output);
    }
    String[] lines = output.strip().split("\\R");
    return Double.parseDouble(lines[lines.length - 1]);
  }

  private static double caffeine(Item[] values) {
    Cache<Long, Item> cache =
        Caffeine.newBuilder()
            .maximumSize(values.length + 1)
            .expireAfterWrite(Duration.ofHours(1))
            .build();
    cache.put(id(values.length), values[0]);
    long empty = heapAfterGc();
    for (int i = 0; i < values.length; i++) {
      cache.put(id(i), values[i]);
    }
    cache.cleanUp();
    long filled = heapAfterGc();
    check(cache.estimatedSize() == values.length + 1, "Caffeine lost entries");
    return (filled - empty) / (double) values.length;
  }

  /**
   * Fills a runtime through the generated decorator, measures, and checks with a second pass that
   * every entry was in the in-process tier then. A runtime over Redis drops that tier when its
   * event subscription looks lost (a heartbeat missed while this machine is busy or collecting),
   * and refills it from Redis with decoded copies of the values: the copies the tier holds are
   * measured with JOL and not counted, as the harness's own values are not.
   */
  private static double runtime(Item[] values, CacheRuntime.Builder builder)
      throws InterruptedException {
    try (CacheRuntime runtime = builder.localMaximumSize(values.length + 1).build()) {
      ItemService service = new CachedItemService(new ArrayDelegate(values), runtime);
      service.find(id(values.length)); // loads the classes and creates the cache
      long empty = heapAfterGc();
      fill(service, values.length);
      for (int attempt = 0; attempt < 10; attempt++) {
        settle(runtime);
        long filled = heapAfterGc();
        long hits = localHits(runtime);
        List<Item> copies = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
          Item held = service.find(id(i));
          if (held != values[i]) {
            copies.add(held);
          }
        }
        if (localHits(runtime) - hits == values.length) {
          long copied =
              copies.isEmpty() ? 0 : GraphLayout.parseInstance(copies.toArray()).totalSize();
          return (filled - empty - copied) / (double) values.length;
        }
      }
      throw new IllegalStateException("the in-process tier was dropped at every measurement");
    }
  }

  /**
   * Waits until the runtime has gone three seconds without dropping its in-process tier: each load
   * over Redis publishes the release of its stampede lock, and a subscription still reading a
   * hundred thousand of them when this machine is busy can miss its heartbeat.
   */
  private static void settle(CacheRuntime runtime) throws InterruptedException {
    long resets = runtime.stats().localTierResets();
    long quietSince = System.nanoTime();
    while (System.nanoTime() - quietSince < 3_000_000_000L) {
      Thread.sleep(100);
      long now = runtime.stats().localTierResets();
      if (now != resets) {
        resets = now;
        quietSince = System.nanoTime();
      }
    }
  }

  private static void fill(ItemService service, int entries) {
    for (int i = 0; i < entries; i++) {
      service.find(id(i));
    }
  }

  private static long localHits(CacheRuntime runtime) {
    return runtime.stats().caches().get("items").local().hits();
  }

  private static long id(int index) {
    return FIRST_ID + index;
  }

  private static void report(String variant, double bytes, double baseline) {
    System.out.printf(
        Locale.ROOT, "%-56s %7.1f B/entry  %.2fx%n", variant, bytes, bytes / baseline);
  }

  private static long heapAfterGc() {
    long used = Long.MAX_VALUE;
    for (int round = 0; round < 10; round++) {
      System.gc();
      long now = MEMORY.getHeapMemoryUsage().getUsed();
      if (now == used) {
        break;
      }
      used = now;
    }
    return used;
  }

  private static void check(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException(message);
    }
  }

  /** Answers from the harness's values, so loading allocates nothing the baseline does not. */
  private static final class ArrayDelegate implements ItemService {
    private final Item[] values;

    ArrayDelegate(Item[] values) {
      this.values = values;
    }

    @Override
    public Item find(long id) {
      return values[(int) (id - FIRST_ID) % values.length];
    }

    @Override
    public Item find(String tenant, long id) {
      throw new UnsupportedOperationException(tenant);
    }
  }
}
