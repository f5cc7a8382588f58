package dev.cachegen.tests.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/**
 * The chaos soak: the short runs of {@link ChaosTest}, then {@code cachegen.chaos.minutes} (10 by
 * default) of faults every few seconds, four fifths on one Redis behind the fault proxies and one
 * fifth on a sentinel set-up failing over again and again. It writes its tables and a chart into
 * {@code tests/CHAOS.md} (between the {@code soak} markers) and {@code tests/chaos-soak.png}, then
 * holds every run to the same rules as the short one. Not named {@code *Test}, so {@code mvn
 * verify} leaves it out; {@code tests/CHAOS.md} gives the command.
 *
 * <p>{@code -Dcachegen.chaos.only=sentinel} runs only failovers, {@code
 * -Dcachegen.chaos.only=DELAY} (any {@link Fault} name but {@code FAILOVER}) only that fault of the
 * proxied set-up, each for {@code cachegen.chaos.minutes}, without the short runs: to hunt one
 * cause with the logs ({@code cachegen.chaos.keepLogs}). Such a run checks the same rules but
 * leaves {@code tests/CHAOS.md} and the chart alone.
 */
class ChaosSoak {
  private static final Path REPORT = Path.of("CHAOS.md");
  private static final Path CHART = Path.of("chaos-soak.png");
  private static final String BEGIN = "<!-- soak:begin -->";
  private static final String END = "<!-- soak:end -->";

  @Test
  void minutesOfFaultsLeaveNoStaleReadNoExceptionAndNoLostCall() throws IOException {
    Duration total = Duration.ofMinutes(Long.getLong("cachegen.chaos.minutes", 10));
    String only = System.getProperty("cachegen.chaos.only", "");
    if (!only.isEmpty()) {
      runOnly(only, total);
      return;
    }
    Instant began = Instant.now();
    ChaosRun shortProxied = ChaosRun.shortProxied();
    ChaosRun shortSentinel = ChaosRun.shortSentinel();
    Duration sentinelPart = total.dividedBy(5);
    ChaosRun proxied =
        ChaosRun.of(false, cluster -> proxiedFaults(cluster, total.minus(sentinelPart)));
    ChaosRun sentinel = ChaosRun.of(true, cluster -> failovers(cluster, sentinelPart));

    Map<String, HistoryChecker.Row> soak = new LinkedHashMap<>();
    proxied.rows().forEach((fault, row) -> soak.put(renamed(fault, "one Redis, proxies"), row));
    sentinel.rows().forEach((fault, row) -> soak.put(renamed(fault, "sentinel set-up"), row));
    // The tables first: a soak's figures must not be lost to a chart that fails to draw.
    writeReport(total, began, shortProxied, shortSentinel, proxied, sentinel, soak);
    writeChart(soak);

    shortProxied.assertClean(ChaosRun.PROXIED_FAULTS);
    shortSentinel.assertClean(List.of(Fault.FAILOVER));
    proxied.assertClean(List.of());
    sentinel.assertClean(List.of(Fault.FAILOVER));
  }

  /** One set-up or one fault for {@code length}, checked but not written into the report. */
  private static void runOnly(String only, Duration length) {
    ChaosRun run;
    List<Fault> injected;
    if (only.equals("sentinel")) {
      injected = List.of(Fault.FAILOVER);
      run = ChaosRun.of(true, cluster -> failovers(cluster, length));
    } else {
      injected = List.of(Fault.valueOf(only));
      run = ChaosRun.of(false, cluster -> proxiedFaults(cluster, length, injected));
    }
    System.out.println(run.table());
    run.rows()
        .forEach(
            (fault, row) ->
                row.examples.forEach(example -> System.out.println(fault + ": " + example)));
    run.assertClean(injected);
  }

  /** A random fault of the proxied topology, held 1 to 3 s, then 3 to 6 s of calm; until done. */
  private static void proxiedFaults(ChaosCluster cluster, Duration length) {
    proxiedFaults(cluster, length, ChaosRun.PROXIED_FAULTS);
  }

  /** A random one of {@code faults}, held 1 to 3 s, then 3 to 6 s of calm; until done. */
  private static void proxiedFaults(ChaosCluster cluster, Duration length, List<Fault> faults) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long end = System.nanoTime() + length.toNanos();
    cluster.quiet(Duration.ofSeconds(3));
    while (System.nanoTime() < end) {
      Fault fault = faults.get(random.nextInt(faults.size()));
      cluster.inject(fault, Duration.ofMillis(random.nextLong(1_000, 3_000)));
      cluster.quiet(Duration.ofMillis(random.nextLong(3_000, 6_000)));
    }
  }

  /** A failover, then 6 to 10 s for the demoted master to catch up; until done. */
  private static void failovers(ChaosCluster cluster, Duration length) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long end = System.nanoTime() + length.toNanos();
    cluster.quiet(Duration.ofSeconds(3));
    while (System.nanoTime() < end) {
      cluster.inject(Fault.FAILOVER, Duration.ZERO);
      cluster.quiet(Duration.ofMillis(random.nextLong(6_000, 10_000)));
    }
  }

  /** The row's name in the soak's table, which holds both set-ups' rows of faults not injected. */
  private static String renamed(String fault, String topology) {
    return fault.equals(HistoryChecker.NONE)
            || fault.equals(FaultWindow.WARM_UP)
            || fault.equals(StallProbe.KIND)
        ? fault + " (" + topology + ")"
        : fault;
  }

  private static void writeChart(Map<String, HistoryChecker.Row> rows) throws IOException {
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(1000)
            .height(560)
            .title("Chaos soak: until a write reaches the other JVMs' in-process tier")
            .xAxisTitle("fault (and the 3.6 s after it is healed)")
            .yAxisTitle("milliseconds (log scale)")
            .build();
    chart.getStyler().setYAxisLogarithmic(true);
    chart.getStyler().setYAxisMin(0.1); // bars start at the minimum, and a log axis has no zero
    chart.getStyler().setXAxisLabelRotation(20);
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
    List<String> faults = new ArrayList<>(rows.keySet());
    chart.addSeries("invalidation delay p50", faults, values(rows, row -> row.delayMillis(0.5)));
    chart.addSeries("invalidation delay p99", faults, values(rows, row -> row.delayMillis(0.99)));
    chart.addSeries("worst call", faults, values(rows, row -> row.worstMicros / 1000.0));
    BitmapEncoder.saveBitmap(chart, CHART.toString(), BitmapEncoder.BitmapFormat.PNG);
  }

  /** Each row's figure, at least 0.1 ms (a log scale has no zero), 0.1 where there is none. */
  private static List<Double> values(
      Map<String, HistoryChecker.Row> rows,
      java.util.function.ToDoubleFunction<HistoryChecker.Row> figure) {
    return rows.values().stream()
        .map(row -> figure.applyAsDouble(row))
        .map(value -> Double.isNaN(value) ? 0.1 : Math.max(0.1, value))
        .toList();
  }

  private static void writeReport(
      Duration total,
      Instant began,
      ChaosRun shortProxied,
      ChaosRun shortSentinel,
      ChaosRun proxied,
      ChaosRun sentinel,
      Map<String, HistoryChecker.Row> soak)
      throws IOException {
    StringBuilder results = new StringBuilder(BEGIN).append("\n\n");
    results
        .append("Made by the soak command above on ")
        .append(began)
        .append(" (")
        .append(total.toMinutes())
        .append(" minutes of soak after the short runs; a machine of 2 cores shared with other")
        .append(" builds, so latencies include time the JVMs waited for a core).\n\n");
    results.append("### The short run (as `mvn verify` runs it)\n\n");
    results.append(shortProxied.table()).append('\n').append(shortSentinel.table()).append('\n');
    results.append("### The soak\n\n");
    results.append("Faults injected: ").append(counts(proxied, sentinel)).append(".\n\n");
    results.append(ChaosReport.table(soak)).append('\n');
    results.append("![invalidation delay and worst call per fault](chaos-soak.png)\n\n");
    results.append(
        "Heap and live threads of each JVM around `CacheRuntime.close()` (after a GC):\n\n");
    results.append(
        "| set-up | JVM | heap before (MiB) | heap after (MiB) | threads before | threads after |\n");
    results.append("|---|---:|---:|---:|---:|---:|\n");
    closes(results, "one Redis, proxies", proxied);
    closes(results, "sentinel set-up", sentinel);
    results.append('\n').append(END);

    String report = Files.readString(REPORT);
    int from = report.indexOf(BEGIN);
    int to = report.indexOf(END);
    if (from < 0 || to < from) {
      throw new IllegalStateException(REPORT.toAbsolutePath() + " has lost its soak markers");
    }
    Files.writeString(
        REPORT, report.substring(0, from) + results + report.substring(to + END.length()));
    System.out.println(results);
  }

  private static String counts(ChaosRun... runs) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (ChaosRun run : runs) {
      for (FaultWindow fault : run.outcome().faults()) {
        counts.merge(fault.kind(), 1L, Long::sum);
      }
    }
    return counts.entrySet().stream()
        .map(entry -> entry.getKey() + " x" + entry.getValue())
        .collect(Collectors.joining(", "));
  }

  private static void closes(StringBuilder results, String topology, ChaosRun run) {
    List<String> closes = run.outcome().closes();
    for (int node = 0; node < closes.size(); node++) {
      String[] figures = closes.get(node).split(" ");
      results.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %.1f | %.1f | %s | %s |%n",
              topology,
              node,
              Long.parseLong(figures[0]) / 1048576.0,
              Long.parseLong(figures[1]) / 1048576.0,
              figures[2],
              figures[3]));
    }
  }
}
