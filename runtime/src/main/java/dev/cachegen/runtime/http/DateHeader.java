package dev.cachegen.runtime.http;

import java.time.Instant;

/** The Date header's text, formatted once per second rather than once per request. */
final class DateHeader {
  private volatile Formatted last = new Formatted(Long.MIN_VALUE, "");

  /** The header's text for {@code now}. */
  String text(Instant now) {
    long second = now.getEpochSecond();
    Formatted cached = last;
    if (cached.epochSecond() != second) {
      cached = new Formatted(second, HttpDates.format(Instant.ofEpochSecond(second)));
      last = cached;
    }
    return cached.text();
  }

  private record Formatted(long epochSecond, String text) {}
}
