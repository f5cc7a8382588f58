package dev.cachegen.processor.validation;

import java.math.BigInteger;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the durations of {@code @Cached}: {@code <digits><unit>} with units {@code ms}, {@code s},
 * {@code m}, {@code h}, {@code d}, or ISO-8601 as {@link Duration#parse} reads it ({@code PT5M}).
 * Everything is resolved to nanoseconds at compile time, so nothing is parsed at run time.
 */
public final class DurationParser {
  private static final Pattern SHORT = Pattern.compile("(-?[0-9]+)(ms|s|m|h|d)");
  private static final Map<String, Long> UNIT_NANOS =
      Map.of(
          "ms", TimeUnit.MILLISECONDS.toNanos(1),
          "s", TimeUnit.SECONDS.toNanos(1),
          "m", TimeUnit.MINUTES.toNanos(1),
          "h", TimeUnit.HOURS.toNanos(1),
          "d", TimeUnit.DAYS.toNanos(1));

  /** Why a text is not a usable duration. */
  public enum Problem {
    /** Not in the grammar. */
    MALFORMED,
    /** Zero or negative. */
    NOT_POSITIVE,
    /** More nanoseconds than a {@code long} holds. */
    TOO_LONG
  }

  /**
   * The outcome of parsing: {@code nanos} when {@code problem} is {@code null}.
   *
   * @param nanos the duration in nanoseconds, positive when there is no problem
   * @param problem what is wrong, or {@code null}
   */
  public record Result(long nanos, Problem problem) {
    /** Whether the text was a positive duration that fits in nanoseconds. */
    public boolean isValid() {
      return problem == null;
    }
  }

  private DurationParser() {}

  /** Parses {@code text}; never throws. */
  public static Result parse(String text) {
    return exactNanos(text).map(DurationParser::checked).orElse(new Result(0, Problem.MALFORMED));
  }

  /**
   * The exact length of {@code text} in nanoseconds, whatever its sign or size, or empty when it is
   * not in the grammar. For callers with limits of their own, such as HTTP's whole seconds.
   */
  public static Optional<BigInteger> exactNanos(String text) {
    Matcher shortForm = SHORT.matcher(text);
    if (shortForm.matches()) {
      return Optional.of(
          new BigInteger(shortForm.group(1))
              .multiply(BigInteger.valueOf(UNIT_NANOS.get(shortForm.group(2)))));
    }
    String upper = text.toUpperCase(Locale.ROOT);
    if (!upper.startsWith("P") && !upper.startsWith("-P") && !upper.startsWith("+P")) {
      return Optional.empty();
    }
    Duration duration;
    try {
      duration = Duration.parse(text);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
    return Optional.of(
        BigInteger.valueOf(duration.getSeconds())
            .multiply(BigInteger.valueOf(TimeUnit.SECONDS.toNanos(1)))
            .add(BigInteger.valueOf(duration.getNano())));
  }

  private static Result checked(BigInteger nanos) {
    if (nanos.signum() <= 0) {
      return new Result(0, Problem.NOT_POSITIVE);
    }
    if (nanos.bitLength() > 63) {
      return new Result(0, Problem.TOO_LONG);
    }
    return new Result(nanos.longValueExact(), null);
  }

  /**
   * Writes {@code nanos} in the largest unit that divides it exactly: {@code 10m}, {@code 90s},
   * {@code 250ms}; {@code ns} when nothing coarser fits.
   */
  public static String format(long nanos) {
    String[] units = {"d", "h", "m", "s", "ms"};
    for (String unit : units) {
      long size = UNIT_NANOS.get(unit);
      if (nanos % size == 0) {
        return nanos / size + unit;
      }
    }
    return nanos + "ns";
  }
}
