package dev.cachegen.benchmarks.stampede;

import dev.cachegen.testing.ChildJvm;
import dev.cachegen.testing.TestRedis;
import java.awt.Color;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The stampede measurement of issue 4: several real JVMs ({@link StampedeChild}) with many threads
 * each call a cached method on a few hot keys whose entries expire every {@code --ttl-ms}, with a
 * slow delegate, against one Redis; once per policy ({@code NONE}, {@code LOCK}, {@code LOCK} with
 * early refresh). Prints, and writes as Markdown, the delegate calls per key per expiry and the
 * callers' latency percentiles, and draws the delegate calls over time as a PNG chart.
 *
 * <pre>
 * java -cp benchmarks/target/classes:$(cat benchmarks/target/stampede.classpath) \
 *     dev.cachegen.benchmarks.stampede.StampedeHarness [--processes 3] [--threads 16] [--keys 3]
 *     [--delegate-ms 50] [--ttl-ms 1000] [--seconds 8] [--out benchmarks/target/stampede]
 * </pre>
 *
 * <p>Redis: {@code REDIS_URL} when set, else a {@code redis-server} from the {@code PATH} on a free
 * port, stopped at the end ({@link TestRedis#locate()}); the JVMs are {@link ChildJvm}s. Not a test
 * and not part of the build: it takes about a minute.
 */
public final class StampedeHarness {
  private static final long BIN_MILLIS = 100;

  private StampedeHarness() {}

  /** Runs the three scenarios; see the class comment for the options. */
  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    int processes = Integer.parseInt(options.getOrDefault("processes", "3"));
    int threads = Integer.parseInt(options.getOrDefault("threads", "16"));
    int keys = Integer.parseInt(options.getOrDefault("keys", "3"));
    long delegateMillis = Long.parseLong(options.getOrDefault("delegate-ms", "50"));
    long ttlMillis = Long.parseLong(options.getOrDefault("ttl-ms", "1000"));
    long runMillis =
        TimeUnit.SECONDS.toMillis(Long.parseLong(options.getOrDefault("seconds", "8")));
    Path out = Path.of(options.getOrDefault("out", "benchmarks/target/stampede"));
    Files.createDirectories(out);

    List<Result> results = new ArrayList<>();
    try (TestRedis redis = TestRedis.locate()) {
      System.out.printf(
          "stampede harness: %d JVMs x %d threads, %d hot keys, %d ms delegate, ttl %d ms, %d s"
              + " per policy, Redis %s%n",
          processes, threads, keys, delegateMillis, ttlMillis, runMillis / 1000, redis);
      for (Scenario scenario : Scenario.values()) {
        results.add(
            run(
                scenario,
                redis.uri(),
                processes,
                threads,
                keys,
                delegateMillis,
                ttlMillis,
                runMillis,
                out));
      }
    }
    String table = table(results, delegateMillis);
    System.out.println();
    System.out.println(table);
    Path chart = chart(results, runMillis, out);
    String report =
        String.format(
            Locale.ROOT,
            "%d JVMs x %d threads, %d hot keys, %d ms delegate, ttl %d ms (less up to 10%% jitter),"
                + " %d s per policy, 1 ms think time per call.%n%n%s%nChart: %s%n",
            processes,
            threads,
            keys,
            delegateMillis,
            ttlMillis,
            runMillis / 1000,
            table,
            chart);
    Files.writeString(out.resolve("stampede.md"), report);
    System.out.println("chart: " + chart.toAbsolutePath());
  }

  /** What one scenario measured, over all its JVMs. */
  record Result(
      Scenario scenario,
      List<long[]> loads,
      long[] latencies,
      long[] warmLatencies,
      long startAt) {}

  private static Result run(
      Scenario scenario,
      String redisUri,
      int processes,
      int threads,
      int keys,
      long delegateMillis,
      long ttlMillis,
      long runMillis,
      Path out)
      throws Exception {
    String prefix = "stampede-" + UUID.randomUUID().toString().substring(0, 8);
    // Every JVM starts calling at the same instant, after all of them have booted.
    long startAt = System.currentTimeMillis() + 4_000;
    long endAt = startAt + runMillis;
    List<ChildJvm> children = new ArrayList<>();
    List<Path> outputs = new ArrayList<>();
    for (int i = 0; i < processes; i++) {
      Path output = out.resolve(scenario.name().toLowerCase(Locale.ROOT) + "-" + i);
      outputs.add(output);
      children.add(
          ChildJvm.builder(StampedeChild.class)
              .arguments(
                  redisUri,
                  prefix,
                  scenario.name(),
                  Integer.toString(threads),
                  Integer.toString(keys),
                  Long.toString(delegateMillis),
                  Long.toString(ttlMillis),
                  Long.toString(startAt),
                  Long.toString(endAt),
                  output.toString())
              .inheritOutput()
              .start());
    }
    for (ChildJvm child : children) {
      int exitCode = child.awaitExit(Duration.ofMillis(runMillis + 60_000));
      if (exitCode != 0) {
        throw new IllegalStateException("a child of " + scenario + " failed: " + exitCode);
      }
    }
    List<long[]> loads = new ArrayList<>();
    List<long[]> latencyParts = new ArrayList<>();
    List<long[]> warmParts = new ArrayList<>();
    Map<String, Integer> keyIds = new HashMap<>();
    for (Path output : outputs) {
      for (String line : Files.readAllLines(Path.of(output + ".loads"), StandardCharsets.UTF_8)) {
        String[] words = line.split(" ");
        int key = keyIds.computeIfAbsent(words[1], k -> keyIds.size());
        loads.add(new long[] {Long.parseLong(words[0]) - startAt, key});
      }
      long[] pairs = readLongs(Path.of(output + ".latencies"));
      long[] all = new long[pairs.length / 2];
      long[] warm = new long[pairs.length / 2];
      int warmCount = 0;
      for (int i = 0; i < all.length; i++) {
        all[i] = pairs[2 * i + 1];
        // The first cycle starts cold everywhere: every JVM misses at once, whatever the policy.
        if (pairs[2 * i] >= ttlMillis) {
          warm[warmCount++] = pairs[2 * i + 1];
        }
      }
      latencyParts.add(all);
      warmParts.add(Arrays.copyOf(warm, warmCount));
    }
    long[] latencies = latencyParts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    long[] warmLatencies = warmParts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    System.out.printf(
        "%s: %d calls, %d delegate calls%n", scenario.label, latencies.length, loads.size());
    return new Result(scenario, loads, latencies, warmLatencies, startAt);
  }

  private static long[] readLongs(Path file) throws IOException {
    long[] values = new long[(int) (Files.size(file) / Long.BYTES)];
    try (DataInputStream in =
        new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
      for (int i = 0; i < values.length; i++) {
        values[i] = in.readLong();
      }
    } catch (EOFException e) {
      throw new IOException("truncated " + file, e);
    }
    return values;
  }

  /**
   * Loads per key per expiry: a key's delegate calls fall in bursts, one per expiry cycle (calls
   * less than half a ttl apart belong to one burst); the table gives their mean and maximum size.
   */
  private static String table(List<Result> results, long delegateMillis) {
    StringBuilder table = new StringBuilder();
    table.append(
        "| policy | delegate calls | expiry cycles (all keys) | loads per key per expiry, mean |"
            + " max | caller p50 | p99 | p99.9 | max | calls that waited >= "
            + delegateMillis / 2
            + " ms | same, after the cold first cycle | max after the first cycle |\n");
    table.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Result result : results) {
      Map<Long, List<Long>> byKey = new LinkedHashMap<>();
      for (long[] load : result.loads) {
        byKey.computeIfAbsent(load[1], k -> new ArrayList<>()).add(load[0]);
      }
      int bursts = 0;
      int largest = 0;
      for (List<Long> times : byKey.values()) {
        times.sort(null);
        int size = 0;
        long last = Long.MIN_VALUE;
        for (long time : times) {
          if (size > 0 && time - last >= 400) {
            bursts++;
            largest = Math.max(largest, size);
            size = 0;
          }
          size++;
          last = time;
        }
        if (size > 0) {
          bursts++;
          largest = Math.max(largest, size);
        }
      }
      long[] latencies = result.latencies;
      long slowNanos = TimeUnit.MILLISECONDS.toNanos(delegateMillis / 2);
      long slow = Arrays.stream(latencies).filter(nanos -> nanos >= slowNanos).count();
      long[] warm = result.warmLatencies;
      long warmSlow = Arrays.stream(warm).filter(nanos -> nanos >= slowNanos).count();
      table.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %d | %.2f | %d | %s | %s | %s | %s | %d of %d | %d of %d | %s |%n",
              result.scenario.label,
              result.loads.size(),
              bursts,
              bursts == 0 ? 0.0 : (double) result.loads.size() / bursts,
              largest,
              millis(percentile(latencies, 0.50)),
              millis(percentile(latencies, 0.99)),
              millis(percentile(latencies, 0.999)),
              millis(latencies.length == 0 ? 0 : latencies[latencies.length - 1]),
              slow,
              latencies.length,
              warmSlow,
              warm.length,
              millis(warm.length == 0 ? 0 : warm[warm.length - 1])));
    }
    return table.toString();
  }

  private static long percentile(long[] sorted, double quantile) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static String millis(long nanos) {
    return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
  }

  /** Delegate calls per 100 ms over the run, one series per policy. */
  private static Path chart(List<Result> results, long runMillis, Path out) throws IOException {
    XYChart chart =
        new XYChartBuilder()
            .width(1200)
            .height(600)
            .title("Delegate calls over time (all JVMs and keys, per " + BIN_MILLIS + " ms)")
            .xAxisTitle("seconds since start")
            .yAxisTitle("delegate calls")
            .build();
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
    int bins = (int) (runMillis / BIN_MILLIS) + 1;
    for (Result result : results) {
      double[] x = new double[bins];
      double[] y = new double[bins];
      for (int i = 0; i < bins; i++) {
        x[i] = i * BIN_MILLIS / 1000.0;
      }
      for (long[] load : result.loads) {
        int bin = (int) Math.max(0, Math.min(bins - 1, load[0] / BIN_MILLIS));
        y[bin]++;
      }
      XYSeries series = chart.addSeries(result.scenario.label, x, y);
      series.setMarker(SeriesMarkers.NONE);
    }
    Path png = out.resolve("stampede.png");
    BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    return png;
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 == args.length) {
        throw new IllegalArgumentException(
            "options are --processes N --threads N --keys N --delegate-ms N --ttl-ms N --seconds N"
                + " --out DIR; got "
                + String.join(" ", args));
      }
      options.put(args[i].substring(2), args[++i]);
    }
    return options;
  }
}
