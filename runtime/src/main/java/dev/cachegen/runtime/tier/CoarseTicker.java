package dev.cachegen.runtime.tier;

import com.github.benmanes.caffeine.cache.Ticker;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The in-process tier's clock for expiry: {@link System#nanoTime()} as a daemon thread last read
 * it, refreshed every {@code resolution}. An in-process hit then reads a field instead of the
 * clock, which was about a third of Caffeine's cost per hit (benchmarks/README.md, "Hit counting
 * and the expiry clock"). An entry may stay up to the resolution, plus however long the thread
 * waits for a core, past its {@code localTtl}; the per-entry expiry of a {@code ttlFrom} value is
 * checked against the runtime's clock, not this one (LocalTier).
 *
 * <p>The thread, {@code cachegen-ticker}, lives from {@link #start} to {@link #close}; waking up
 * every 10 ms it costs well under 1 % of a core.
 */
public final class CoarseTicker implements Ticker, AutoCloseable {
  private final long resolutionNanos;
  private final Thread thread;
  private volatile long now = System.nanoTime();
  private volatile boolean running = true;

  private CoarseTicker(long resolutionNanos) {
    this.resolutionNanos = resolutionNanos;
    this.thread = new Thread(this::tick, "cachegen-ticker");
    this.thread.setDaemon(true);
  }

  /** A ticker refreshed every {@code resolution}, its thread started. */
  public static CoarseTicker start(long resolution, TimeUnit unit) {
    CoarseTicker ticker = new CoarseTicker(unit.toNanos(resolution));
    ticker.thread.start();
    return ticker;
  }

  @Override
  public long read() {
    return now;
  }

  private void tick() {
    while (running) {
      LockSupport.parkNanos(this, resolutionNanos);
      now = System.nanoTime();
    }
  }

  /** Stops the thread and waits for it; the ticker then stands still. */
  @Override
  public void close() {
    running = false;
    LockSupport.unpark(thread);
    try {
      thread.join(TimeUnit.SECONDS.toMillis(1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
