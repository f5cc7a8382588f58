package dev.cachegen.runtime.writebehind;

import dev.cachegen.runtime.Codec;
import dev.cachegen.runtime.DeadLetter;
import dev.cachegen.runtime.WriteBehindStats;
import dev.cachegen.runtime.internal.Sneaky;
import dev.cachegen.runtime.internal.WriteBehindDefinition;
import dev.cachegen.runtime.internal.WriteBehindQueue;
import dev.cachegen.runtime.internal.WriteHandler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the in-memory and the durable write-behind queues share: applying calls with retries, and
 * the counters. A backend does nothing until {@link #start()}: the composition root starts it once
 * it is fully built and registered.
 */
public abstract class WriteBehindBackend<C> implements WriteBehindQueue<C>, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WriteBehindBackend.class);

  public final WriteBehindDefinition<C> definition;
  public final WriteHandler<C> handler;
  public final Codec.TypedCodec<C> codec;
  public final LongAdder enqueued = new LongAdder();
  public final LongAdder applied = new LongAdder();
  public final LongAdder retries = new LongAdder();
  public final LongAdder deadLettered = new LongAdder();
  public final LongAdder coalesced = new LongAdder();
  public final LongAdder appliedSynchronously = new LongAdder();

  private Thread worker;

  public WriteBehindBackend(
      WriteBehindDefinition<C> definition, WriteHandler<C> handler, Codec.TypedCodec<C> codec) {
    this.definition = definition;
    this.handler = handler;
    this.codec = codec;
  }

  @Override
  public String name() {
    return definition.name();
  }

  /**
   * Starts the worker thread, which runs {@link #work()}.
   *
   * @throws IllegalStateException if it was started before
   */
  public final synchronized void start() {
    if (worker != null) {
      throw new IllegalStateException("write-behind " + definition.name() + " already started");
    }
    worker = new Thread(this::work, "cachegen-write-behind-" + definition.name());
    worker.setDaemon(true);
    worker.start();
  }

  /** The worker's loop: applies queued calls until {@link #drain} asks it to finish. */
  protected abstract void work();

  @Override
  public abstract void enqueue(String coalesceKey, C call);

  /** Whether the queue survives a crash of this JVM (it lives in Redis). */
  public abstract boolean durable();

  /** Calls waiting now; {@code -1} when it cannot be read. May ask Redis. */
  public abstract long depth();

  /** Age of the oldest waiting call, {@code 0} when none waits, {@code -1} when unknown. */
  public abstract long lagMillis();

  /** Counters, depth and lag. */
  @Override
  public final WriteBehindStats stats() {
    return stats(durable(), depth(), lagMillis());
  }

  /** The counters alone, without asking Redis: depth and lag read {@code -1}. */
  public final WriteBehindStats counts() {
    return stats(durable(), -1, -1);
  }

  public abstract List<DeadLetter> deadLetters();

  public abstract int replayDeadLetters();

  /**
   * Stops taking calls (later calls are applied in the caller's thread) and applies what is queued,
   * waiting at most {@code timeout}. If it cannot finish, it logs how many calls it left and where,
   * at ERROR when they may be lost.
   */
  public abstract void drain(Duration timeout);

  @Override
  public void close() {
    drain(Duration.ofSeconds(10));
  }

  /**
   * Waits up to {@code timeout} for the worker to finish, then interrupts it. Returns whether it
   * finished by itself; {@code false} if it never started.
   */
  protected final boolean stopWorker(Duration timeout) {
    Thread worker;
    synchronized (this) {
      worker = this.worker;
    }
    if (worker == null) {
      return false;
    }
    try {
      if (timeout.toMillis() > 0) { // join(0) would wait for ever
        worker.join(timeout.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (worker.isAlive()) {
      worker.interrupt();
      return false;
    }
    return true;
  }

  /** Applies in the caller's thread; the delegate's failure reaches the caller unchanged. */
  protected void applyNow(C call) {
    appliedSynchronously.increment();
    try {
      handler.apply(call);
      applied.increment();
    } catch (Exception e) {
      throw Sneaky.rethrow(e);
    }
  }

  /**
   * Tries {@code call} up to {@code maxAttempts} times with doubling backoff. Returns {@code null}
   * when it was applied, else the last failure.
   */
  protected Exception applyWithRetries(C call, String description) {
    long backoffNanos = definition.initialBackoff().toNanos();
    Exception last = null;
    for (int attempt = 1; attempt <= definition.maxAttempts(); attempt++) {
      try {
        handler.apply(call);
        applied.increment();
        return null;
      } catch (Exception e) {
        last = e;
        if (attempt == definition.maxAttempts()) {
          break;
        }
        retries.increment();
        log.debug(
            "write-behind {}: attempt {} of {} failed for {}; retrying in {} ms",
            definition.name(),
            attempt,
            definition.maxAttempts(),
            description,
            TimeUnit.NANOSECONDS.toMillis(backoffNanos),
            e);
        try {
          TimeUnit.NANOSECONDS.sleep(backoffNanos);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return e;
        }
        backoffNanos = Math.min(backoffNanos * 2, TimeUnit.SECONDS.toNanos(30));
      }
    }
    deadLettered.increment();
    log.warn(
        "write-behind {}: giving up on {} after {} attempts; it is kept as a dead letter: {}",
        definition.name(),
        description,
        definition.maxAttempts(),
        last.toString());
    return last;
  }

  public WriteBehindStats stats(boolean durable, long depth, long lagMillis) {
    return new WriteBehindStats(
        definition.name(),
        durable,
        enqueued.sum(),
        applied.sum(),
        retries.sum(),
        deadLettered.sum(),
        coalesced.sum(),
        appliedSynchronously.sum(),
        depth,
        lagMillis);
  }
}
