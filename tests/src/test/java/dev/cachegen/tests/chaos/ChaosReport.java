package dev.cachegen.tests.chaos;

import java.util.Locale;
import java.util.Map;

/** The per-fault table of a chaos run, in Markdown. */
final class ChaosReport {
  private ChaosReport() {}

  static String table(Map<String, HistoryChecker.Row> rows) {
    StringBuilder table =
        new StringBuilder(
            "| fault | reads checked | stale beyond the bound | late, within the bound |"
                + " impossible | invalidation delay p50 / p99 (ms) | calls that threw |"
                + " worst call (ms) | write-behind calls | lost | applied twice |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    rows.forEach(
        (fault, row) ->
            table.append(
                String.format(
                    Locale.ROOT,
                    "| %s | %d | %d | %d | %d | %s / %s (%d) | %d | %.0f | %d | %d | %d |%n",
                    fault,
                    row.readsChecked,
                    row.stale,
                    row.late,
                    row.impossible,
                    millis(row.delayMillis(0.5)),
                    millis(row.delayMillis(0.99)),
                    row.delays.size(),
                    row.threw,
                    row.worstMicros / 1000.0,
                    row.writeBehindReturned,
                    row.writeBehindLost,
                    row.writeBehindDuplicates)));
    return table.toString();
  }

  private static String millis(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f", value);
  }
}
