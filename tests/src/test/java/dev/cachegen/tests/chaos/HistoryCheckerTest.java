package dev.cachegen.tests.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The chaos suite's judge on histories small enough to reason about by hand. */
class HistoryCheckerTest {
  private static final long QUIET = 1_000;
  private static final long FAULT = 5_000;

  private static Op write(int node, long version, long start, long end) {
    return new Op(Op.WRITE_THROUGH, node, "k", version, start, end, null);
  }

  private static Op read(int node, long version, long start) {
    return new Op(Op.READ, node, "k", version, start, start + 1, null);
  }

  private static HistoryChecker.Row check(List<FaultWindow> faults, Op... ops) {
    return new HistoryChecker(QUIET, FAULT, faults)
        .check(List.of(ops), 3, Map.of()).values().stream()
            .reduce(new HistoryChecker.Row(), HistoryCheckerTest::sum);
  }

  private static HistoryChecker.Row sum(HistoryChecker.Row a, HistoryChecker.Row b) {
    HistoryChecker.Row sum = new HistoryChecker.Row();
    sum.readsChecked = a.readsChecked + b.readsChecked;
    sum.stale = a.stale + b.stale;
    sum.late = a.late + b.late;
    sum.impossible = a.impossible + b.impossible;
    sum.threw = a.threw + b.threw;
    sum.delays.addAll(a.delays);
    sum.delays.addAll(b.delays);
    return sum;
  }

  @Test
  void withoutAFaultAReadMaySeeAnOlderVersionOnlyWithinTheQuietBound() {
    HistoryChecker.Row row =
        check(
            List.of(),
            write(0, 1, 0, 10),
            read(1, 0, 10 + QUIET - 1), // late, allowed
            read(1, 0, 10 + QUIET + 1), // stale
            read(2, 1, 10 + QUIET + 1)); // current
    assertEquals(3, row.readsChecked);
    assertEquals(1, row.late);
    assertEquals(1, row.stale);
    assertEquals(0, row.impossible);
  }

  @Test
  void aFaultOfTheWritersOrTheReadersPathExtendsTheBoundToItsHealingPlusTheFaultBound() {
    List<FaultWindow> readerCut = List.of(new FaultWindow("cut", Set.of(1), 5, 20_000));
    assertEquals(0, check(readerCut, write(0, 1, 0, 10), read(1, 0, 20_000 + FAULT - 1)).stale);
    assertEquals(1, check(readerCut, write(0, 1, 0, 10), read(1, 0, 20_000 + FAULT + 1)).stale);

    // A fault of a third JVM's path gives these two no slack.
    List<FaultWindow> otherCut = List.of(new FaultWindow("cut", Set.of(2), 5, 20_000));
    assertEquals(1, check(otherCut, write(0, 1, 0, 10), read(1, 0, 10 + QUIET + 1)).stale);

    // A write in the aftermath of a fault of Redis itself has until the same deadline.
    List<FaultWindow> redis = List.of(new FaultWindow("redis", null, 0, 100));
    assertEquals(0, check(redis, write(0, 1, 200, 210), read(1, 0, 100 + FAULT - 1)).stale);
    assertEquals(1, check(redis, write(0, 1, 200, 210), read(1, 0, 100 + FAULT + 1)).stale);
  }

  @Test
  void aVersionNoWriteHadMadeIsImpossible() {
    assertEquals(1, check(List.of(), write(0, 1, 0, 10), read(1, 2, 50)).impossible);
    // Unless a write that threw may have made it.
    Op threw = new Op(Op.INVALIDATE, 0, "k", -1, 20, 30, "java.lang.IllegalStateException");
    HistoryChecker.Row row = check(List.of(), write(0, 1, 0, 10), threw, read(1, 2, 50));
    assertEquals(0, row.impossible);
    assertEquals(1, row.threw);
  }

  @Test
  void theDelayRunsFromTheWriteReturningToTheFirstWatcherReadOfItOrANewerVersion() {
    Op seenLater = new Op(Op.WATCH, 1, "k", 2, 30, 40, null);
    Op seenEarlier = new Op(Op.WATCH, 2, "k", 1, 12, 15, null);
    HistoryChecker.Row row =
        check(List.of(), write(0, 1, 0, 10), write(0, 2, 20, 25), seenLater, seenEarlier);
    // Version 1: 30 in JVM 1 (it saw version 2 first), 5 in JVM 2; version 2: 15 in JVM 1.
    assertEquals(List.of(5L, 15L, 30L), row.delays.stream().sorted().toList());
  }

  @Test
  void aWriteBehindCallTheDatabaseNeverAppliedIsLost() {
    Op kept = new Op(Op.WRITE_BEHIND, 0, "n0-1", 1, 0, 1, null);
    Op lost = new Op(Op.WRITE_BEHIND, 0, "n0-2", 2, 2, 3, null);
    Op twice = new Op(Op.WRITE_BEHIND, 1, "n1-1", 1, 4, 5, null);
    HistoryChecker.Row row =
        new HistoryChecker(QUIET, FAULT, List.of())
            .check(List.of(kept, lost, twice), 3, Map.of("n0-1", 1L, "n1-1", 2L))
            .get(HistoryChecker.NONE);
    assertEquals(3, row.writeBehindReturned);
    assertEquals(1, row.writeBehindLost);
    assertEquals(1, row.writeBehindDuplicates);
  }

  @Test
  void anOperationCountsUnderTheLatestFaultUntilTheFaultBoundAfterItsHealing() {
    HistoryChecker checker =
        new HistoryChecker(
            QUIET,
            FAULT,
            List.of(
                new FaultWindow("first", null, 100, 200),
                new FaultWindow("second", null, 300, 400)));
    assertEquals(HistoryChecker.NONE, checker.category(99));
    assertEquals("first", checker.category(250));
    assertEquals("second", checker.category(301));
    assertEquals("second", checker.category(400 + FAULT));
    assertEquals(HistoryChecker.NONE, checker.category(400 + FAULT + 1));

    // A window that cuts nothing names its own stretch and has no aftermath, nor any slack.
    HistoryChecker warm = new HistoryChecker(QUIET, FAULT, List.of(FaultWindow.warmUp(0, 100)));
    assertEquals(FaultWindow.WARM_UP, warm.category(50));
    assertEquals(HistoryChecker.NONE, warm.category(101));
    assertEquals(10 + QUIET, warm.deadline(write(0, 1, 0, 10), 1));
  }
}
