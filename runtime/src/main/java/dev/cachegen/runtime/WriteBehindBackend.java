package dev.cachegen.runtime;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the in-memory and the Redis write-behind queues share: applying calls with retries. */
abstract class WriteBehindBackend<C> implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WriteBehindBackend.class);

  final WriteBehindDefinition<C> definition;
  final WriteHandler<C> handler;
  final Codec.TypedCodec<C> codec;
  final LongAdder enqueued = new LongAdder();
  final LongAdder applied = new LongAdder();
  final LongAdder retries = new LongAdder();
  final LongAdder deadLettered = new LongAdder();
  final LongAdder coalesced = new LongAdder();
  final LongAdder appliedSynchronously = new LongAdder();

  WriteBehindBackend(
      WriteBehindDefinition<C> definition, WriteHandler<C> handler, Codec.TypedCodec<C> codec) {
    this.definition = definition;
    this.handler = handler;
    this.codec = codec;
  }

  abstract void enqueue(String coalesceKey, C call);

  /** Whether the queue survives a crash of this JVM (it lives in Redis). */
  abstract boolean durable();

  /** Calls waiting now; {@code -1} when it cannot be read. May ask Redis. */
  abstract long depth();

  /** Age of the oldest waiting call, {@code 0} when none waits, {@code -1} when unknown. */
  abstract long lagMillis();

  /** Counters, depth and lag. */
  final WriteBehindStats stats() {
    return stats(durable(), depth(), lagMillis());
  }

  /** The counters alone, without asking Redis: depth and lag read {@code -1}. */
  final WriteBehindStats counts() {
    return stats(durable(), -1, -1);
  }

  abstract List<DeadLetter> deadLetters();

  abstract int replayDeadLetters();

  /** Stops taking calls and applies what is queued, waiting at most {@code timeout}. */
  abstract void drain(Duration timeout);

  @Override
  public void close() {
    drain(Duration.ofSeconds(10));
  }

  /**
   * Waits up to {@code timeout} for {@code worker} to finish, then interrupts it. Returns whether
   * it finished by itself.
   */
  static boolean stop(Thread worker, Duration timeout) {
    try {
      worker.join(timeout.toMillis());
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
  void applyNow(C call) {
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
  Exception applyWithRetries(C call, String description) {
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

  WriteBehindStats stats(boolean durable, long depth, long lagMillis) {
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
