package dev.cachegen.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** RFC 9110 section 5.6.7: HTTP-date, the three formats a recipient must read. */
class HttpDatesTest {
  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  private static final Instant EXAMPLE = Instant.parse("1994-11-06T08:49:37Z");

  @Test
  void writesImfFixdateWithTwoDigitDay() {
    assertEquals("Sun, 06 Nov 1994 08:49:37 GMT", HttpDates.format(EXAMPLE));
  }

  @Test
  void readsImfFixdate() {
    assertEquals(EXAMPLE, HttpDates.parse("Sun, 06 Nov 1994 08:49:37 GMT", NOW));
  }

  @Test
  void readsObsoleteRfc850Date() {
    assertEquals(EXAMPLE, HttpDates.parse("Sunday, 06-Nov-94 08:49:37 GMT", NOW));
  }

  @Test
  void readsObsoleteAsctimeDate() {
    assertEquals(EXAMPLE, HttpDates.parse("Sun Nov  6 08:49:37 1994", NOW));
    assertEquals(
        Instant.parse("1994-11-16T08:49:37Z"), HttpDates.parse("Wed Nov 16 08:49:37 1994", NOW));
  }

  @Test
  void rfc850TwoDigitYearMoreThanFiftyYearsAheadIsInThePast() {
    // In 2026, "80" would be 2080, more than 50 years ahead: it is 1980. "70" is 2070, within 50.
    assertEquals(
        Instant.parse("1980-01-01T00:00:00Z"),
        HttpDates.parse("Tuesday, 01-Jan-80 00:00:00 GMT", NOW));
    assertEquals(
        Instant.parse("2070-01-01T00:00:00Z"),
        HttpDates.parse("Wednesday, 01-Jan-70 00:00:00 GMT", NOW));
  }

  @Test
  void surroundingWhitespaceIsAllowed() {
    assertEquals(EXAMPLE, HttpDates.parse("  Sun, 06 Nov 1994 08:49:37 GMT ", NOW));
  }

  @Test
  void garbageAndNearMissesAreNotDates() {
    for (String value :
        new String[] {
          "",
          "yesterday",
          "0",
          "1994-11-06T08:49:37Z",
          "Sun, 6 Nov 1994 08:49:37 GMT", // one-digit day
          "Sun, 06 Nov 1994 08:49:37 UTC", // not GMT
          "Sun, 06 Nov 1994 08:49:37 +0000",
          "sun, 06 nov 1994 08:49:37 GMT", // names are case-sensitive
          "Sun, 31 Feb 1994 08:49:37 GMT", // no such day
          "Sun, 06 Nov 1994 25:49:37 GMT",
          "Sun, 06 Nov 1994 08:49:37 GMT, Mon, 07 Nov 1994 08:49:37 GMT", // a list
          "Sun, 06 Nov 1994 08:49:37 GMT garbage",
        }) {
      assertNull(HttpDates.parse(value, NOW), value);
    }
    assertNull(HttpDates.parse(null, NOW));
  }

  @Test
  void roundTripsThroughTheWrittenForm() {
    Instant instant = Instant.parse("2026-02-28T23:59:59Z");
    assertEquals(instant, HttpDates.parse(HttpDates.format(instant), NOW));
  }
}
