package dev.cachegen.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until the test moves it, for code that takes a {@link Clock} (such as
 * {@code CacheRuntime.Builder.clock}): expiry, refresh and HTTP freshness are then tested in
 * microseconds instead of waiting, and exactly at their boundaries.
 *
 * <pre>{@code
 * TestClock clock = new TestClock();
 * CacheRuntime runtime = CacheRuntime.builder().clock(clock).build();
 * ...
 * clock.advance(Duration.ofMinutes(6)); // past a five-minute ttl
 * }</pre>
 *
 * <p>Safe to read and move from any thread. It may be moved backwards too, as a real clock is when
 * it is corrected. {@link #withZone} gives a view in another zone that moves with this clock.
 */
public final class TestClock extends Clock {
  /** Where a clock made with {@link #TestClock()} starts: {@code 2026-01-01T00:00:00Z}. */
  public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  /** A clock at {@link #DEFAULT_START}, in UTC. */
  public TestClock() {
    this(DEFAULT_START);
  }

  /** A clock at {@code start}, in UTC. */
  public TestClock(Instant start) {
    this(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
  }

  private TestClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /** Moves the clock by {@code duration} (backwards when negative) and returns the new time. */
  public Instant advance(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    return now.updateAndGet(instant -> instant.plus(duration));
  }

  /** Sets the clock to {@code instant}. */
  public void set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant"));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public long millis() {
    return now.get().toEpochMilli();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** A view of this clock in {@code zone}: moving either moves both. */
  @Override
  public TestClock withZone(ZoneId zone) {
    return zone.equals(this.zone) ? this : new TestClock(now, zone);
  }

  @Override
  public String toString() {
    return "TestClock[" + now.get() + ", " + zone + "]";
  }
}
