package dev.cachegen.tests.chaos;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.function.Executable;

/** One chaos run: a cluster, a schedule of faults, the checked history. */
record ChaosRun(ChaosCluster.Outcome outcome, Map<String, HistoryChecker.Row> rows) {
  /** Every fault of the proxied topology, in the order the short run injects them. */
  static final List<Fault> PROXIED_FAULTS =
      List.of(
          Fault.RESET,
          Fault.BLACK_HOLE,
          Fault.DELAY,
          Fault.PAUSE,
          Fault.KILL_RESTART,
          Fault.PUBSUB_KILL,
          Fault.GARBAGE);

  private static final Duration WARM_UP = Duration.ofSeconds(3);
  private static final Duration HOLD = Duration.ofSeconds(2);
  private static final Duration SETTLE = Duration.ofSeconds(4);

  /** The short run's first half: each fault of the proxied topology once, 2 s, then 4 s calm. */
  static ChaosRun shortProxied() {
    return of(
        false,
        cluster -> {
          cluster.quiet(SETTLE);
          for (Fault fault : PROXIED_FAULTS) {
            cluster.inject(fault, HOLD);
            cluster.quiet(SETTLE);
          }
        });
  }

  /** The short run's second half: one sentinel failover between calm stretches. */
  static ChaosRun shortSentinel() {
    return of(
        true,
        cluster -> {
          cluster.quiet(SETTLE);
          cluster.inject(Fault.FAILOVER, HOLD);
          cluster.quiet(SETTLE.plus(SETTLE));
        });
  }

  /** Runs {@code schedule} on a started cluster of the given topology and checks its history. */
  static ChaosRun of(boolean sentinel, Consumer<ChaosCluster> schedule) {
    ChaosCluster.Outcome outcome;
    try (ChaosCluster cluster = sentinel ? ChaosCluster.sentinel() : ChaosCluster.proxied()) {
      cluster.start(WARM_UP);
      schedule.accept(cluster);
      outcome = cluster.finish();
    }
    Map<String, HistoryChecker.Row> rows =
        HistoryChecker.documented(outcome.faults())
            .check(outcome.ops(), ChaosCluster.NODES, outcome.applied());
    return new ChaosRun(outcome, rows);
  }

  String table() {
    return ChaosReport.table(rows);
  }

  /**
   * Fails unless every row is clean: reads were checked under every fault, none stale beyond the
   * bound nor impossible, no call threw, no write-behind call was lost.
   */
  void assertClean(List<Fault> injected) {
    List<Executable> checks = new ArrayList<>();
    for (Fault fault : injected) {
      checks.add(() -> assertTrue(rows.containsKey(fault.label()), fault.label() + " has no row"));
    }
    rows.forEach(
        (fault, row) -> {
          checks.add(() -> assertTrue(row.readsChecked > 0, fault + ": no read was checked"));
          checks.add(
              () ->
                  assertEquals(
                      0,
                      row.stale,
                      fault + ": stale reads beyond the bound, such as " + row.examples));
          checks.add(() -> assertEquals(0, row.impossible, fault + ": versions never written"));
          checks.add(() -> assertEquals(0, row.threw, fault + ": calls that threw"));
          checks.add(() -> assertEquals(0, row.writeBehindLost, fault + ": write-behind lost"));
        });
    checks.add(
        () ->
            assertTrue(
                !rows.get(HistoryChecker.NONE).delays.isEmpty(),
                "no write reached another JVM's watcher without a fault"));
    assertAll("chaos run\n" + table(), checks);
  }
}
