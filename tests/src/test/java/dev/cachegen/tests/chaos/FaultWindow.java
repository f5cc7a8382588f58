package dev.cachegen.tests.chaos;

import java.util.Set;

/**
 * A fault as the suite injected it: its kind, the nodes whose path it cut ({@code null} for all: a
 * fault of Redis itself), and when it began and when it was healed, in wall-clock microseconds
 * (equal for a fault that is one act, such as killing the subscribers' connections).
 */
record FaultWindow(String kind, Set<Integer> nodes, long start, long end) {
  boolean affects(int node) {
    return nodes == null || nodes.contains(node);
  }
}
