package dev.cachegen.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TestClockTest {
  @Test
  void standsStillUntilMoved() {
    TestClock clock = new TestClock();
    assertEquals(TestClock.DEFAULT_START, clock.instant());
    assertEquals(TestClock.DEFAULT_START.toEpochMilli(), clock.millis());
    assertEquals(TestClock.DEFAULT_START, clock.instant());
    assertEquals(ZoneOffset.UTC, clock.getZone());
  }

  @Test
  void advanceAndSetMoveIt() {
    Instant start = Instant.parse("2030-06-01T12:00:00Z");
    TestClock clock = new TestClock(start);
    assertEquals(start.plusSeconds(90), clock.advance(Duration.ofSeconds(90)));
    assertEquals(start.plusSeconds(90), clock.instant());
    clock.advance(Duration.ofMillis(-500));
    assertEquals(start.plusMillis(89_500).toEpochMilli(), clock.millis());
    clock.set(start);
    assertEquals(start, clock.instant());
  }

  @Test
  void aViewInAnotherZoneMovesWithIt() {
    TestClock clock = new TestClock();
    ZoneId paris = ZoneId.of("Europe/Paris");
    TestClock inParis = clock.withZone(paris);
    assertEquals(paris, inParis.getZone());
    clock.advance(Duration.ofHours(1));
    assertEquals(clock.instant(), inParis.instant());
    inParis.advance(Duration.ofHours(1));
    assertEquals(TestClock.DEFAULT_START.plus(Duration.ofHours(2)), clock.instant());
    assertSame(clock, clock.withZone(ZoneOffset.UTC));
  }
}
