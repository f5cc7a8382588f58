package dev.cachegen.tests.chaos;

import java.util.Set;

/**
 * A fault as the suite injected it: its kind, the nodes whose path it cut ({@code null} for all: a
 * fault of Redis itself), and when it began and when it was healed, in wall-clock microseconds
 * (equal for a fault that is one act, such as killing the subscribers' connections). A window that
 * cuts no path ({@link #warmUp}) only names a stretch of the run in the report.
 */
record FaultWindow(String kind, Set<Integer> nodes, long start, long end) {
  /** The kind of the window that holds each run's first seconds. */
  static final String WARM_UP = "warm-up, first 3 s, no fault";

  /** A run's first seconds, while the JVMs compile their code and fill their caches. */
  static FaultWindow warmUp(long start, long end) {
    return new FaultWindow(WARM_UP, Set.of(), start, end);
  }

  boolean affects(int node) {
    return nodes == null || nodes.contains(node);
  }

  /** Whether the window cut any path, so that it has an aftermath. */
  boolean cutsAnything() {
    return nodes == null || !nodes.isEmpty();
  }
}
