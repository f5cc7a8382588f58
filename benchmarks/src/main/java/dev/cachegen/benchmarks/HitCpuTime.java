package dev.cachegen.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * The L1 hit ratios of {@link L1HitBenchmark} and {@link ReturnKindHitBenchmark} in thread CPU time
 * rather than wall time: for a machine so loaded that JMH's wall-clock figures are mostly time the
 * benchmark thread spent waiting for a CPU. Not a replacement for JMH (no forks, no blackhole; the
 * states and decorators are JMH's own): a diagnosis when the machine is shared.
 *
 * <p>Each round calls every variant 2,000,000 times over the workload's 16 keys, one loop per
 * variant so each call site sees one receiver; variants alternate within a round, and the median
 * over rounds is printed with the ratios.
 *
 * <pre>
 * java -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar dev.cachegen.benchmarks.HitCpuTime 30
 * </pre>
 */
public final class HitCpuTime {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final int CALLS = 2_000_000;
  private static final String[] VARIANTS = {
    "generated", "generatedWithoutStats", "handWritten", "fixed", "ttlFrom"
  };

  private final L1HitBenchmark.Generated generated = new L1HitBenchmark.Generated();
  private final L1HitBenchmark.GeneratedWithoutStats withoutStats =
      new L1HitBenchmark.GeneratedWithoutStats();
  private final L1HitBenchmark.HandWritten handWritten = new L1HitBenchmark.HandWritten();
  private final ReturnKindHitBenchmark.Decorated quotes = new ReturnKindHitBenchmark.Decorated();

  /** Keeps the last answer of each loop alive. */
  static volatile Object sink;

  private HitCpuTime() {
    generated.setUp();
    withoutStats.setUp();
    handWritten.setUp();
    quotes.setUp();
  }

  /** Prints the median CPU nanoseconds per call of each variant and the ratios. */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    HitCpuTime probe = new HitCpuTime();
    double[][] nanos = new double[VARIANTS.length][rounds];
    for (int warmup = 0; warmup < 10; warmup++) {
      for (int variant = 0; variant < VARIANTS.length; variant++) {
        probe.run(variant);
      }
    }
    for (int round = 0; round < rounds; round++) {
      for (int variant = 0; variant < VARIANTS.length; variant++) {
        nanos[variant][round] = probe.run(variant);
      }
    }
    double[] median = new double[VARIANTS.length];
    for (int variant = 0; variant < VARIANTS.length; variant++) {
      Arrays.sort(nanos[variant]);
      median[variant] = nanos[variant][rounds / 2];
      System.out.printf(
          Locale.ROOT,
          "%-22s %6.2f ns (median of %d rounds)%n",
          VARIANTS[variant],
          median[variant],
          rounds);
    }
    System.out.printf(
        Locale.ROOT,
        "generated / handWritten %.2f, generatedWithoutStats / handWritten %.2f,"
            + " ttlFrom / fixed %.2f%n",
        median[0] / median[2],
        median[1] / median[2],
        median[4] / median[3]);
    probe.generated.tearDown();
    probe.withoutStats.tearDown();
    probe.handWritten.tearDown();
    probe.quotes.tearDown();
  }

  private double run(int variant) {
    long start = THREADS.getCurrentThreadCpuTime();
    Object last = null;
    int key = 0;
    switch (variant) {
      case 0 -> {
        ItemService service = generated.service;
        for (int i = 0; i < CALLS; i++) {
          key = (key + 1) & (Workload.KEY_COUNT - 1);
          last = service.find(Workload.id(key));
        }
      }
      case 1 -> {
        ItemService service = withoutStats.service;
        for (int i = 0; i < CALLS; i++) {
          key = (key + 1) & (Workload.KEY_COUNT - 1);
          last = service.find(Workload.id(key));
        }
      }
      case 2 -> {
        ItemService service = handWritten.service;
        for (int i = 0; i < CALLS; i++) {
          key = (key + 1) & (Workload.KEY_COUNT - 1);
          last = service.find(Workload.id(key));
        }
      }
      case 3 -> {
        Quotes service = quotes.quotes;
        for (int i = 0; i < CALLS; i++) {
          key = (key + 1) & (Workload.KEY_COUNT - 1);
          last = service.fixed(Workload.id(key));
        }
      }
      default -> {
        Quotes service = quotes.quotes;
        for (int i = 0; i < CALLS; i++) {
          key = (key + 1) & (Workload.KEY_COUNT - 1);
          last = service.ttlFrom(Workload.id(key));
        }
      }
    }
    sink = last;
    return (THREADS.getCurrentThreadCpuTime() - start) / (double) CALLS;
  }
}
