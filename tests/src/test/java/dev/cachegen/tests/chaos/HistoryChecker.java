package dev.cachegen.tests.chaos;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Judges every read of a chaos run against the writes that returned before it, and sums up each
 * fault: reads checked, stale reads, invalidation delays, calls that threw, worst latency, and
 * write-behind calls lost.
 *
 * <p>The rule, per key: a read that starts after a write's deadline must not return an older
 * version than that write's. A write's deadline, for a read on node {@code b}, is the documented
 * bound of {@code docs/ARCHITECTURE.md} (G5) turned into a number: {@code quietBound} after the
 * write returned, unless a fault cut the writer's or {@code b}'s path to Redis (or struck Redis
 * itself) while the write ran, within {@code quietBound} after it, or less than {@code faultBound}
 * before it; then {@code faultBound} after the last such fault was healed ({@link #deadline}). A
 * read older than a write that returned before it started, but within the deadline, is counted as
 * "late" and allowed. A read of a version no write had made yet is counted as impossible (corrupted
 * bytes served as a value would show so).
 */
final class HistoryChecker {
  /** The category of operations outside every fault window and its aftermath. */
  static final String NONE = "none";

  /** Without a fault: 1 s, for an event that one pub/sub message delivers in milliseconds. */
  static final long QUIET_BOUND_MICROS = 1_000_000;

  /**
   * After a fault is healed: the breaker's {@code openFor} (1 s by default, the probe), the repair
   * retry (100 ms), the heartbeat's 2 s to notice a silent subscription, and two {@code
   * redisTimeout}s (250 ms each) for the calls in flight as the path heals.
   */
  static final long FAULT_BOUND_MICROS = 1_000_000 + 100_000 + 2_000_000 + 2 * 250_000;

  private final long quietBound;
  private final long faultBound;
  private final List<FaultWindow> faults;

  /**
   * A checker with bounds in microseconds and the faults of the run; {@code faultBound} is also how
   * long after its healing an operation still counts as under a fault, in the report.
   */
  HistoryChecker(long quietBound, long faultBound, List<FaultWindow> faults) {
    this.quietBound = quietBound;
    this.faultBound = faultBound;
    this.faults = List.copyOf(faults);
  }

  /** A checker with the bounds of G5 for runtimes with the default settings. */
  static HistoryChecker documented(List<FaultWindow> faults) {
    return new HistoryChecker(QUIET_BOUND_MICROS, FAULT_BOUND_MICROS, faults);
  }

  /** What a fault kind (or {@link #NONE}) came to. */
  static final class Row {
    long readsChecked;
    long stale;
    long late;
    long impossible;
    long threw;
    long worstMicros;
    long writeBehindReturned;
    long writeBehindLost;
    long writeBehindDuplicates;
    final List<Long> delays = new ArrayList<>();

    /** The first few stale reads, each with the newest write that returned before it. */
    final List<String> examples = new ArrayList<>();

    /** The {@code quantile} (0 to 1) of the invalidation delays in milliseconds, or NaN. */
    double delayMillis(double quantile) {
      if (delays.isEmpty()) {
        return Double.NaN;
      }
      long[] sorted = delays.stream().mapToLong(Long::longValue).sorted().toArray();
      int index = (int) Math.ceil(quantile * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
    }
  }

  /**
   * Checks {@code ops} of {@code nodes} nodes; {@code applied} maps each write-behind call id the
   * database recorded to the number of times it was applied. Returns one row per fault kind seen,
   * {@link #NONE} first, in the order the faults began.
   */
  Map<String, Row> check(List<Op> ops, int nodes, Map<String, Long> applied) {
    Map<String, Row> rows = new LinkedHashMap<>();
    rows.put(NONE, new Row());
    faults.stream()
        .sorted(Comparator.comparingLong(FaultWindow::start))
        .forEach(fault -> rows.putIfAbsent(fault.kind(), new Row()));

    Map<String, List<Op>> writes = new HashMap<>();
    Map<String, Long> firstFailure = new HashMap<>();
    Map<String, List<Op>> watches = new HashMap<>();
    for (Op op : ops) {
      Row row = rows.get(category(op.start()));
      row.worstMicros = Math.max(row.worstMicros, op.micros());
      if (op.threw()) {
        row.threw++;
      }
      if (op.isVersionWrite() && op.threw()) {
        firstFailure.merge(op.key(), op.start(), Math::min);
      } else if (op.isVersionWrite()) {
        writes.computeIfAbsent(op.key(), k -> new ArrayList<>()).add(op);
      } else if (op.kind() == Op.WATCH && !op.threw()) {
        watches.computeIfAbsent(op.node() + " " + op.key(), k -> new ArrayList<>()).add(op);
      } else if (op.kind() == Op.WRITE_BEHIND && !op.threw()) {
        row.writeBehindReturned++;
        Long times = applied.get(op.key());
        if (times == null) {
          row.writeBehindLost++;
        } else {
          row.writeBehindDuplicates += times - 1;
        }
      }
    }

    Map<String, Timeline> returned = new HashMap<>();
    Map<String, Timeline> started = new HashMap<>();
    writes.forEach(
        (key, ofKey) -> {
          returned.put(key, Timeline.of(ofKey, Op::end, Op::version));
          started.put(key, Timeline.of(ofKey, Op::start, Op::version));
        });
    Map<String, Timeline> deadlines = new HashMap<>();
    for (Op read : ops) {
      if (!read.isRead() || read.threw()) {
        continue;
      }
      Row row = rows.get(category(read.start()));
      row.readsChecked++;
      List<Op> ofKey = writes.getOrDefault(read.key(), List.of());
      Timeline due =
          deadlines.computeIfAbsent(
              read.node() + " " + read.key(),
              k -> Timeline.of(ofKey, write -> deadline(write, read.node()), Op::version));
      if (read.version() < due.newestBefore(read.start())) {
        row.stale++;
        if (row.examples.size() < 5) {
          row.examples.add(read + " after " + newestReturned(ofKey, read.start()));
        }
      } else if (read.version()
          < returned.getOrDefault(read.key(), Timeline.EMPTY).newestBefore(read.start())) {
        row.late++;
      }
      if (read.version()
              > started.getOrDefault(read.key(), Timeline.EMPTY).newestBefore(read.end() + 1)
          && firstFailure.getOrDefault(read.key(), Long.MAX_VALUE) > read.end()) {
        row.impossible++;
      }
    }

    Map<String, Timeline> seen = new HashMap<>();
    watches.forEach(
        (nodeAndKey, reads) -> seen.put(nodeAndKey, Timeline.of(reads, Op::end, Op::version)));
    for (List<Op> ofKey : writes.values()) {
      for (Op write : ofKey) {
        for (int node = 0; node < nodes; node++) {
          Timeline watcher = seen.get(node + " " + write.key());
          if (node == write.node() || watcher == null) {
            continue;
          }
          long when = watcher.firstReaching(write.version());
          if (when != Long.MAX_VALUE) {
            rows.get(category(write.end())).delays.add(Math.max(0, when - write.end()));
          }
        }
      }
    }
    return rows;
  }

  /**
   * The fault kind an operation that started at {@code time} counts under: the latest fault that
   * began before it and was healed less than {@code faultBound} before it (or, for a window that
   * cut nothing, has not ended), else {@link #NONE}.
   */
  String category(long time) {
    FaultWindow latest = null;
    for (FaultWindow fault : faults) {
      long aftermath = fault.cutsAnything() ? faultBound : 0;
      if (fault.start() <= time
          && time <= fault.end() + aftermath
          && (latest == null || fault.start() > latest.start())) {
        latest = fault;
      }
    }
    return latest == null ? NONE : latest.kind();
  }

  /**
   * When {@code write} must be seen by reads on {@code reader}: {@code quietBound} after it
   * returned, or {@code faultBound} after the healing of a fault of the writer's or the reader's
   * path (or of Redis) that was in force, or had been healed less than {@code faultBound} before,
   * while the write ran or within {@code quietBound} after it. The aftermath counts because a fault
   * outlives its healing in the runtimes: a subscription cut by it is back only after its retry,
   * and a repair only after the breaker's probe.
   */
  long deadline(Op write, int reader) {
    long deadline = write.end() + quietBound;
    for (FaultWindow fault : faults) {
      if ((fault.affects(write.node()) || fault.affects(reader))
          && fault.start() <= write.end() + quietBound
          && fault.end() + faultBound >= write.start()) {
        deadline = Math.max(deadline, fault.end() + faultBound);
      }
    }
    return deadline;
  }

  /** The newest write that returned before {@code time}, for the examples of stale reads. */
  private static Op newestReturned(List<Op> writes, long time) {
    Op newest = null;
    for (Op write : writes) {
      if (write.end() < time && (newest == null || write.version() > newest.version())) {
        newest = write;
      }
    }
    return newest;
  }

  /**
   * Versions against times, sorted by time, with the newest version reached by each: the writes of
   * a key by their deadlines or their ends, or a watcher's reads by their ends.
   */
  private record Timeline(long[] times, long[] newest) {
    static final Timeline EMPTY = new Timeline(new long[0], new long[0]);

    static Timeline of(List<Op> ops, ToLongFunction<Op> time, ToLongFunction<Op> version) {
      long[][] pairs = new long[ops.size()][];
      for (int i = 0; i < pairs.length; i++) {
        pairs[i] = new long[] {time.applyAsLong(ops.get(i)), version.applyAsLong(ops.get(i))};
      }
      Arrays.sort(pairs, Comparator.comparingLong(pair -> pair[0]));
      long[] times = new long[pairs.length];
      long[] newest = new long[pairs.length];
      long max = 0;
      for (int i = 0; i < pairs.length; i++) {
        times[i] = pairs[i][0];
        max = Math.max(max, pairs[i][1]);
        newest[i] = max;
      }
      return new Timeline(times, newest);
    }

    /** The newest version at a time strictly before {@code time}; 0 if none. */
    long newestBefore(long time) {
      int first = firstAtLeast(times, time);
      return first == 0 ? 0 : newest[first - 1];
    }

    /** The first time at which the newest version reached {@code version}; else MAX_VALUE. */
    long firstReaching(long version) {
      int first = firstAtLeast(newest, version);
      return first == newest.length ? Long.MAX_VALUE : times[first];
    }

    /** The index of the first of {@code sorted} that is at least {@code value}, or its length. */
    private static int firstAtLeast(long[] sorted, long value) {
      int low = 0;
      int high = sorted.length;
      while (low < high) {
        int middle = (low + high) >>> 1;
        if (sorted[middle] < value) {
          low = middle + 1;
        } else {
          high = middle;
        }
      }
      return low;
    }
  }
}
