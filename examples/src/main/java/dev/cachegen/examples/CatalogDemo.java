package dev.cachegen.examples;

import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.runtime.CacheStats;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Runs one read workload against the product store twice, first straight to the database and then
 * through the generated {@code CachedProductCatalog}, and prints what caching changed: database
 * queries, hit ratio and latency.
 *
 * <pre>
 * mvn -B -q -pl examples -am -DskipTests package exec:java
 * REDIS_URL=redis://localhost:6379 mvn -B -q -pl examples -am -DskipTests package exec:java
 * mvn -B -q -pl examples -am -DskipTests package exec:java -Dexec.args="--reads 20000 --latency-ms 2"
 * </pre>
 */
public final class CatalogDemo {
  private static final int PRODUCTS = 500;
  private static final int CATEGORIES = 12;

  private CatalogDemo() {}

  /** Options of one run. */
  public record Options(int reads, Duration latency, String redisUrl, long seed) {
    static Options parse(String[] args) {
      int reads = 4_000;
      Duration latency = Duration.ofMillis(1);
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--reads":
            reads = Integer.parseInt(value(args, ++i, "--reads"));
            break;
          case "--latency-ms":
            latency = Duration.ofMillis(Long.parseLong(value(args, ++i, "--latency-ms")));
            break;
          default:
            throw new IllegalArgumentException(
                "unknown option " + args[i] + "; use --reads N and --latency-ms N");
        }
      }
      String redis = System.getenv("REDIS_URL");
      return new Options(reads, latency, redis == null || redis.isBlank() ? null : redis, 42);
    }

    private static String value(String[] args, int index, String option) {
      if (index >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args[index];
    }
  }

  /** What one phase measured. */
  public record Phase(String name, int calls, long queries, long[] latencyNanos, long totalNanos) {
    long percentile(double p) {
      long[] sorted = latencyNanos.clone();
      Arrays.sort(sorted);
      int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
  }

  /**
   * One write followed by a read through the cache.
   *
   * @param write what was written
   * @param read what the read returned
   * @param fresh whether the read saw the write
   * @param queries database queries the read needed
   */
  public record WriteCheck(String write, String read, boolean fresh, long queries) {}

  /** Both phases, the writes and the cache statistics. */
  public record Result(
      Phase uncached,
      Phase cached,
      List<WriteCheck> writes,
      List<CacheStats> caches,
      String tiers) {}

  /** Runs the demo with the given command-line options and prints its report. */
  public static void main(String[] args) throws Exception {
    run(Options.parse(args), System.out);
  }

  /** Runs both phases and prints the report to {@code out}. */
  public static Result run(Options options, PrintStream out) throws Exception {
    out.printf(
        "cachegen example: %d products in H2, %d ms simulated network round trip per query%n",
        PRODUCTS, options.latency().toMillis());
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    CacheRuntime runtime = runtime(options, "catalog-demo", metrics);
    String tiers =
        options.redisUrl() == null
            ? "in-memory (Caffeine only; set REDIS_URL=redis://host:6379 to add Redis)"
            : "Caffeine L1 + Redis L2 at " + runtime.stats().sharedTier();
    out.println("runtime: " + tiers);
    try (runtime;
        JdbcProductCatalog store =
            JdbcProductCatalog.create(PRODUCTS, CATEGORIES, options.latency())) {
      Phase uncached = measure("uncached", store, store, options);
      ProductCatalog cached = new CachedProductCatalog(store, runtime);
      Phase withCache = measure("cached (cachegen)", cached, store, options);
      List<CacheStats> caches = List.copyOf(runtime.stats().caches().values());
      print(out, uncached, withCache, caches);
      // The writes change the data, so they get a database and key prefix of their own: a second
      // run of the demo then still finds the read phase's entries in Redis.
      List<WriteCheck> writes;
      try (CacheRuntime writesRuntime =
              runtime(options, "catalog-demo-writes", new SimpleMeterRegistry());
          JdbcProductCatalog writesStore =
              JdbcProductCatalog.create(PRODUCTS, CATEGORIES, options.latency())) {
        writes = writeThenRead(new CachedProductCatalog(writesStore, writesRuntime), writesStore);
      }
      printWrites(out, writes);
      printScrape(out, metrics);
      return new Result(uncached, withCache, writes, caches, tiers);
    }
  }

  private static CacheRuntime runtime(Options options, String keyPrefix, MeterRegistry metrics) {
    CacheRuntime.Builder builder = CacheRuntime.builder().meterRegistry(metrics);
    return options.redisUrl() == null
        ? builder.build()
        : builder.redis(options.redisUrl()).keyPrefix(keyPrefix).build();
  }

  /** The hit and miss lines of a Prometheus scrape, as a dashboard would read them. */
  private static void printScrape(PrintStream out, PrometheusMeterRegistry metrics) {
    out.println();
    out.println(
        "Prometheus scrape (cache_gets_total; ShopServer serves the whole of it at /metrics):");
    for (String line : metrics.scrape().split("\n")) {
      if (line.startsWith("cache_gets_total{")) {
        out.println("  " + line);
      }
    }
  }

  private static Phase measure(
      String name, ProductCatalog catalog, JdbcProductCatalog store, Options options) {
    // The same seed in both phases: both see exactly the same sequence of calls.
    Random random = new Random(options.seed());
    long[] latencies = new long[options.reads()];
    long queriesBefore = store.queries();
    long start = System.nanoTime();
    for (int i = 0; i < options.reads(); i++) {
      long callStart = System.nanoTime();
      if (random.nextInt(100) < 80) {
        // A skewed id: a few products are popular, most are rarely read.
        long id = 1 + (long) (PRODUCTS * Math.pow(random.nextDouble(), 3));
        Objects.requireNonNull(catalog.find(id), "product " + id);
      } else {
        String category = "category-" + random.nextInt(CATEGORIES);
        catalog.byCategory(category, random.nextInt(3));
      }
      latencies[i] = System.nanoTime() - callStart;
    }
    long total = System.nanoTime() - start;
    return new Phase(name, options.reads(), store.queries() - queriesBefore, latencies, total);
  }

  /** Writes through the decorator and reads right after each write. */
  private static List<WriteCheck> writeThenRead(ProductCatalog catalog, JdbcProductCatalog store) {
    List<WriteCheck> checks = new java.util.ArrayList<>();

    // A product from the first page of its category, so the page shows the change.
    String category = "category-3";
    Product before = catalog.byCategory(category, 0).get(0);
    catalog.find(before.id());
    Product repriced =
        new Product(
            before.id(),
            before.name(),
            before.category(),
            before.priceCents() + 100,
            before.updatedAt().plusSeconds(1));
    catalog.update(repriced);
    long queries = store.queries();
    Product after = catalog.find(before.id());
    checks.add(
        new WriteCheck(
            "update("
                + before.id()
                + "): price "
                + before.priceCents()
                + " -> "
                + repriced.priceCents(),
            "find(" + before.id() + ") = price " + after.priceCents(),
            after.priceCents() == repriced.priceCents(),
            store.queries() - queries));

    queries = store.queries();
    List<Product> page = catalog.byCategory(category, 0);
    checks.add(
        new WriteCheck(
            "  and tag category:[" + category + "] dropped its pages",
            "byCategory(" + category + ", 0)[0] = price " + page.get(0).priceCents(),
            page.get(0).id() == repriced.id() && page.get(0).priceCents() == repriced.priceCents(),
            store.queries() - queries));

    Product doomed = catalog.find(2);
    catalog.delete(2, doomed.category());
    queries = store.queries();
    Product gone = catalog.find(2);
    checks.add(
        new WriteCheck("delete(2)", "find(2) = " + gone, gone == null, store.queries() - queries));

    String doomedCategory = "category-5";
    catalog.byCategory(doomedCategory, 0);
    catalog.find(5);
    int deleted = catalog.deleteCategory(doomedCategory);
    queries = store.queries();
    List<Product> empty = catalog.byCategory(doomedCategory, 0);
    Product alsoGone = catalog.find(5);
    checks.add(
        new WriteCheck(
            "deleteCategory(" + doomedCategory + "): " + deleted + " rows",
            "byCategory = " + empty.size() + " products, find(5) = " + alsoGone,
            empty.isEmpty() && alsoGone == null,
            store.queries() - queries));
    return checks;
  }

  private static void printWrites(PrintStream out, List<WriteCheck> writes) {
    out.println();
    out.println("writes, each followed by a read through the cache:");
    for (WriteCheck check : writes) {
      out.printf(
          "  %-48s %-46s %s, %d queries%n",
          check.write(), check.read(), check.fresh() ? "fresh" : "STALE", check.queries());
    }
  }

  private static void print(
      PrintStream out, Phase uncached, Phase cached, List<CacheStats> caches) {
    out.println();
    out.printf(
        "%-20s %7s %11s %10s %10s %10s %9s%n",
        "", "calls", "db queries", "p50", "p99", "max", "total");
    for (Phase phase : List.of(uncached, cached)) {
      out.printf(
          "%-20s %7d %11d %10s %10s %10s %9s%n",
          phase.name(),
          phase.calls(),
          phase.queries(),
          duration(phase.percentile(50)),
          duration(phase.percentile(99)),
          duration(phase.percentile(100)),
          duration(phase.totalNanos()));
    }
    out.printf(
        "%ncaching saved %.1f%% of database queries and made the run %.1fx faster%n",
        100.0 * (uncached.queries() - cached.queries()) / uncached.queries(),
        (double) uncached.totalNanos() / cached.totalNanos());
    out.println();
    out.printf(
        "%-20s %9s %9s %9s %9s %7s %10s%n",
        "cache", "L1 hits", "L1 miss", "L2 hits", "L2 miss", "loads", "hit ratio");
    for (CacheStats stats : caches) {
      out.printf(
          "%-20s %9d %9d %9d %9d %7d %9.1f%%%n",
          stats.name(),
          stats.local().hits(),
          stats.local().misses(),
          stats.shared().hits(),
          stats.shared().misses(),
          stats.loads(),
          100 * stats.hitRatio());
    }
    out.println();
    out.println(
        "generated decorator: examples/target/generated-sources/annotations/"
            + "dev/cachegen/examples/CachedProductCatalog.java");
  }

  private static String duration(long nanos) {
    if (nanos < TimeUnit.MICROSECONDS.toNanos(1)) {
      return nanos + " ns";
    }
    if (nanos < TimeUnit.MILLISECONDS.toNanos(1)) {
      return String.format("%.1f µs", nanos / 1_000.0);
    }
    if (nanos < TimeUnit.SECONDS.toNanos(1)) {
      return String.format("%.2f ms", nanos / 1_000_000.0);
    }
    return String.format("%.2f s", nanos / 1_000_000_000.0);
  }
}
