package dev.cachegen.runtime.http;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP-date (RFC 9110 section 5.6.7): writes the preferred IMF-fixdate and reads all three formats
 * a recipient must accept. Dates that do not fit the grammar, or name a day that does not exist,
 * read as {@code null}: every caller treats an invalid date as an absent header, as the RFC asks.
 */
final class HttpDates {
  private static final DateTimeFormatter IMF_FIXDATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  private static final String DAY = "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)";
  private static final String LONG_DAY =
      "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
  private static final String MONTH = "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
  private static final String TIME = "(\\d{2}):(\\d{2}):(\\d{2})";

  /** {@code Sun, 06 Nov 1994 08:49:37 GMT} */
  private static final Pattern IMF =
      Pattern.compile(DAY + ", (\\d{2}) " + MONTH + " (\\d{4}) " + TIME + " GMT");

  /** {@code Sunday, 06-Nov-94 08:49:37 GMT} (obsolete) */
  private static final Pattern RFC_850 =
      Pattern.compile(LONG_DAY + ", (\\d{2})-" + MONTH + "-(\\d{2}) " + TIME + " GMT");

  /** {@code Sun Nov 6 08:49:37 1994} (obsolete; the day is padded with a space) */
  private static final Pattern ASCTIME =
      Pattern.compile(DAY + " " + MONTH + " ([ \\d]\\d) " + TIME + " (\\d{4})");

  private static final List<String> MONTHS =
      List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");

  private HttpDates() {}

  /** The IMF-fixdate form of {@code instant}, such as {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
  static String format(Instant instant) {
    return IMF_FIXDATE.format(instant);
  }

  /**
   * The instant an HTTP-date names, or {@code null} when {@code value} is not an HTTP-date. The
   * day-name is checked for form only; a day-name that does not match the date is accepted, since
   * the date is what the sender meant to compare.
   *
   * @param value the field value, with optional surrounding whitespace
   * @param now the current time, to place two-digit years of the RFC 850 format
   */
  static Instant parse(String value, Instant now) {
    if (value == null) {
      return null;
    }
    String text = value.strip();
    try {
      Matcher imf = IMF.matcher(text);
      if (imf.matches()) {
        return at(
            Integer.parseInt(imf.group(3)), imf.group(2), Integer.parseInt(imf.group(1)), imf, 4);
      }
      Matcher rfc850 = RFC_850.matcher(text);
      if (rfc850.matches()) {
        int year = twoDigitYear(Integer.parseInt(rfc850.group(3)), now);
        return at(year, rfc850.group(2), Integer.parseInt(rfc850.group(1)), rfc850, 4);
      }
      Matcher asctime = ASCTIME.matcher(text);
      if (asctime.matches()) {
        return at(
            Integer.parseInt(asctime.group(6)),
            asctime.group(1),
            Integer.parseInt(asctime.group(2).strip()),
            asctime,
            3);
      }
    } catch (DateTimeException e) {
      // 31 Feb, 25:00:00 and the like: not a date.
    }
    return null;
  }

  private static Instant at(int year, String month, int day, Matcher time, int hourGroup) {
    LocalDateTime local =
        LocalDateTime.of(
            year,
            MONTHS.indexOf(month) + 1,
            day,
            Integer.parseInt(time.group(hourGroup)),
            Integer.parseInt(time.group(hourGroup + 1)),
            // RFC 9110 allows a leap second (60); java.time does not, so it reads as :59.
            Math.min(59, Integer.parseInt(time.group(hourGroup + 2))));
    return local.toInstant(ZoneOffset.UTC);
  }

  /**
   * RFC 9110 section 5.6.7: a two-digit year that would be more than 50 years in the future is the
   * most recent past year with the same last two digits.
   */
  static int twoDigitYear(int twoDigits, Instant now) {
    int currentYear = ZonedDateTime.ofInstant(now, ZoneOffset.UTC).getYear();
    int year = currentYear - Math.floorMod(currentYear, 100) + twoDigits;
    if (year > currentYear + 50) {
      year -= 100;
    }
    return year;
  }
}
