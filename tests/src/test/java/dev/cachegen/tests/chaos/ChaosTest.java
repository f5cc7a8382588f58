package dev.cachegen.tests.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The short chaos run of {@code mvn verify}: three JVMs read and write versioned keys while each
 * fault strikes once, and the {@link HistoryChecker} judges every read. The ten-minute soak is
 * {@link ChaosSoak}; {@code tests/CHAOS.md} has its tables and what the columns mean.
 */
class ChaosTest {
  @Test
  void faultsOfThePathAndOfRedisLeaveNoStaleReadNoExceptionAndNoLostCall() throws IOException {
    ChaosRun run = ChaosRun.shortProxied();
    report("chaos-short-proxied.md", run);
    run.assertClean(ChaosRun.PROXIED_FAULTS);
  }

  @Test
  void aSentinelFailoverLeavesNoStaleReadNoExceptionAndNoLostCall() throws IOException {
    ChaosRun run = ChaosRun.shortSentinel();
    report("chaos-short-sentinel.md", run);
    run.assertClean(List.of(Fault.FAILOVER));
  }

  /** Prints the table and keeps it in {@code target/}, where a CI run's artifacts can show it. */
  private static void report(String file, ChaosRun run) throws IOException {
    System.out.println(run.table());
    Files.writeString(Path.of("target", file), run.table());
  }
}
