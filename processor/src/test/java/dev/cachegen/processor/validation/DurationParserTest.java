package dev.cachegen.processor.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationParserTest {

  @ParameterizedTest
  @CsvSource({
    "250ms, 250000000",
    "30s, 30000000000",
    "5m, 300000000000",
    "1h, 3600000000000",
    "1d, 86400000000000",
    "PT5M, 300000000000",
    "PT0.5S, 500000000",
    "pt1h, 3600000000000"
  })
  void parsesShortFormsAndIso(String text, long nanos) {
    DurationParser.Result result = DurationParser.parse(text);
    assertEquals(new DurationParser.Result(nanos, null), result);
  }

  @ParameterizedTest
  @ValueSource(strings = {"5 minutes", "10x", "", "m", "5", "1.5m", "PTXM", " 5m"})
  void rejectsMalformed(String text) {
    assertEquals(DurationParser.Problem.MALFORMED, DurationParser.parse(text).problem());
  }

  @ParameterizedTest
  @CsvSource({"0s, 0", "-5m, -300000000000", "1500ms, 1500000000", "200000d, 17280000000000000000"})
  void exactNanosKeepSignAndSizeForCallersWithTheirOwnLimits(String text, String nanos) {
    assertEquals(Optional.of(new BigInteger(nanos)), DurationParser.exactNanos(text));
    assertEquals(Optional.empty(), DurationParser.exactNanos("1 minute"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0s", "-5m", "PT0S", "PT-5M", "-PT1S"})
  void rejectsNonPositive(String text) {
    assertEquals(DurationParser.Problem.NOT_POSITIVE, DurationParser.parse(text).problem());
  }

  @ParameterizedTest
  @ValueSource(strings = {"999999999d", "99999999999999999999ms", "PT2562048H"})
  void rejectsWhatOverflowsNanos(String text) {
    assertEquals(DurationParser.Problem.TOO_LONG, DurationParser.parse(text).problem());
  }

  @Test
  void formatsInTheLargestExactUnit() {
    assertEquals("10m", DurationParser.format(TimeUnit.MINUTES.toNanos(10)));
    assertEquals("90s", DurationParser.format(TimeUnit.SECONDS.toNanos(90)));
    assertEquals("2d", DurationParser.format(TimeUnit.DAYS.toNanos(2)));
    assertEquals("250ms", DurationParser.format(TimeUnit.MILLISECONDS.toNanos(250)));
    assertEquals("1500ns", DurationParser.format(1500));
  }
}
