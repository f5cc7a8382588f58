package dev.cachegen.runtime.tier;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The time an in-process hit reads: the system's nanosecond ticker and millisecond clock, as of the
 * last tick of one daemon thread per JVM that reads both every {@link #RESOLUTION_NANOS}. Caffeine
 * reads its ticker on every hit to test expiry, and a {@code ttlFrom} hit reads the clock; a read
 * of the system clock is a third of a hit's cost on the machines measured (benchmarks/README.md), a
 * read of this field almost nothing.
 *
 * <p>The price is a bound on expiry in the in-process tier: both a store and a hit see the time of
 * the last tick, so an entry ends within one resolution (plus however long the ticking thread waits
 * for a CPU) of its time, early or late (docs/ARCHITECTURE.md, G5). Only runtimes on the system
 * clock use it; a runtime given a clock (tests) reads that clock exactly.
 */
public final class CoarseTicker implements Ticker {
  /** How often the time is read: one millisecond. */
  public static final long RESOLUTION_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  private static final CoarseTicker SYSTEM = new CoarseTicker();

  private volatile long nanos = System.nanoTime();
  private volatile long millis = System.currentTimeMillis();

  private final Clock clock = new TickClock(this);

  private CoarseTicker() {
    Thread thread = new Thread(this::tick, "cachegen-ticker");
    thread.setDaemon(true);
    thread.start();
  }

  /** The one ticker of this JVM; its thread starts with the first runtime on the system clock. */
  public static CoarseTicker system() {
    return SYSTEM;
  }

  @Override
  public long read() {
    return nanos;
  }

  /** The system clock as of the last tick. */
  public Clock clock() {
    return clock;
  }

  private void tick() {
    while (true) {
      LockSupport.parkNanos(RESOLUTION_NANOS);
      nanos = System.nanoTime();
      millis = System.currentTimeMillis();
    }
  }

  /** {@link Clock#systemUTC()} as of the last tick. */
  private static final class TickClock extends Clock {
    private final CoarseTicker ticker;

    TickClock(CoarseTicker ticker) {
      this.ticker = ticker;
    }

    @Override
    public long millis() {
      return ticker.millis;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("a clock for expiry checks only");
    }
  }
}
