package dev.cachegen.tests.chaos;

/** The faults the chaos suite injects, each named as its report row. */
enum Fault {
  /** One JVM's proxy resets its connections and refuses new ones. */
  RESET("proxy reset and refuse (one JVM)"),
  /** One JVM's proxy swallows all traffic both ways: a half-open path. */
  BLACK_HOLE("proxy black hole (one JVM)"),
  /** One JVM's proxy holds every chunk 50 ms. */
  DELAY("proxy delay 50 ms (one JVM)"),
  /** Redis is frozen with {@code SIGSTOP}, then thawed with {@code SIGCONT}. */
  PAUSE("SIGSTOP/SIGCONT of Redis"),
  /** Redis is killed with {@code SIGKILL} and started again (append-only file, fsync always). */
  KILL_RESTART("kill -9 and restart of Redis"),
  /** {@code CLIENT KILL TYPE pubsub}: every JVM's subscription is cut at once. */
  PUBSUB_KILL("CLIENT KILL TYPE pubsub"),
  /** Random bytes are written under every live entry key of the versioned cache. */
  GARBAGE("garbage under live keys"),
  /** {@code SENTINEL FAILOVER}: the replica becomes the master, the JVMs follow the sentinel. */
  FAILOVER("sentinel failover");

  private final String label;

  Fault(String label) {
    this.label = label;
  }

  /** The name of the fault's row in the report. */
  String label() {
    return label;
  }

  /** Whether the fault cuts one JVM's path rather than striking Redis itself. */
  boolean cutsOnePath() {
    return this == RESET || this == BLACK_HOLE || this == DELAY;
  }
}
