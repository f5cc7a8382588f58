package dev.cachegen.runtime.redis;

import dev.cachegen.runtime.shared.SharedTierException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Single-key reads that share round trips under load, as Lettuce's and Redisson's command batching
 * do: at most {@code flushers} threads talk to Redis at a time; a read that finds them all busy
 * queues its key, and the next thread to talk sends every queued key in one pipelined flush (a
 * {@code GET} each, so that a key of another type still answers {@code WRONGTYPE} for itself). With
 * a free flusher and an empty queue a read is a plain {@code GET}, exactly as without coalescing.
 *
 * <p>So the pool is not where callers queue: a read waits for a flush in flight rather than for a
 * connection, and many threads need few connections. Whoever flushes runs the command through the
 * tier's guard once per flush, so a failed flush counts once towards the circuit breaker, and each
 * caller of the flush gets the same {@link SharedTierException}.
 *
 * <p>No key is stranded: a reader that queues its key tries to become a flusher until its key is
 * answered, every flusher looks at the queue once more after it gives its place up, and a plain
 * read is taken only while nothing is queued; a queued reader also looks again every {@code
 * SLICE_NANOS} in case all of that raced past it. Every flusher does a bounded amount of work for
 * others: one flush after its own.
 */
final class CoalescedReads {
  /** The most keys in one flush; more wait for the next. */
  private static final int MOST_PER_FLUSH = 128;

  /**
   * How long a queued read sleeps before it tries to flush by itself, should every flusher have
   * gone without seeing its key (they look again when they leave, so this is rare).
   */
  private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

  /** Runs a command through the tier's guard: timeouts, circuit breaker, errors. */
  interface Guard {
    <T> T call(Supplier<T> command);
  }

  private record Pending(byte[] key, CompletableFuture<byte[]> value) {}

  private final UnifiedJedis redis;
  private final Guard guard;
  private final Semaphore flushers;
  private final long waitNanos;
  private final ConcurrentLinkedQueue<Pending> queued = new ConcurrentLinkedQueue<>();

  /**
   * @param flushers how many threads may talk to Redis for reads at once
   * @param waitNanos how long a queued read waits for its flush before it gives up (busy)
   */
  CoalescedReads(UnifiedJedis redis, Guard guard, int flushers, long waitNanos) {
    this.redis = redis;
    this.guard = guard;
    this.flushers = new Semaphore(flushers);
    this.waitNanos = waitNanos;
  }

  /** The bytes under {@code key}, or {@code null}. */
  byte[] get(byte[] key) {
    if (queued.isEmpty() && flushers.tryAcquire()) {
      try {
        return guard.call(() -> redis.get(key));
      } finally {
        flushers.release();
        helpOnce();
      }
    }
    Pending own = new Pending(key, new CompletableFuture<>());
    queued.add(own);
    long deadline = System.nanoTime() + waitNanos;
    while (!own.value().isDone()) {
      if (flushers.tryAcquire()) {
        try {
          flush(drain());
        } finally {
          flushers.release();
        }
        continue;
      }
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        throw new SharedTierException(
            SharedTierException.Reason.BUSY, "no flush answered the read in time", null);
      }
      try {
        own.value().get(Math.min(SLICE_NANOS, remaining), TimeUnit.NANOSECONDS);
      } catch (TimeoutException stillQueued) {
        // Every flusher busy and none came back for this key yet: try to flush it ourselves.
      } catch (ExecutionException failed) {
        break; // answered below
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SharedTierException("interrupted while waiting for a shared read", e);
      }
    }
    helpOnce();
    return answer(own);
  }

  /**
   * After giving a flusher's place up: flushes what was queued meanwhile, once. Any thread that
   * takes a place while keys are queued flushes them (a plain read needs an empty queue), so a
   * queued key waits for a flush in flight at most, not for a timer.
   */
  private void helpOnce() {
    if (!queued.isEmpty() && flushers.tryAcquire()) {
      try {
        flush(drain());
      } finally {
        flushers.release();
      }
    }
  }

  private List<Pending> drain() {
    List<Pending> batch = new ArrayList<>();
    Pending next;
    while (batch.size() < MOST_PER_FLUSH && (next = queued.poll()) != null) {
      batch.add(next);
    }
    return batch;
  }

  private void flush(List<Pending> batch) {
    if (batch.isEmpty()) {
      return;
    }
    Object[] replies;
    try {
      replies = guard.call(() -> send(batch));
    } catch (SharedTierException e) {
      for (Pending pending : batch) {
        pending.value().completeExceptionally(e);
      }
      return;
    } catch (RuntimeException e) {
      for (Pending pending : batch) {
        pending.value().completeExceptionally(e);
      }
      throw e;
    }
    for (int i = 0; i < replies.length; i++) {
      if (replies[i] instanceof JedisDataException) {
        JedisDataException refused = (JedisDataException) replies[i];
        batch
            .get(i)
            .value()
            .completeExceptionally(
                new SharedTierException(
                    refused.getMessage() != null && refused.getMessage().startsWith("WRONGTYPE")
                        ? SharedTierException.Reason.WRONG_TYPE
                        : SharedTierException.Reason.UNAVAILABLE,
                    "Redis refused a read: " + refused.getMessage(),
                    refused));
      } else {
        batch.get(i).value().complete((byte[]) replies[i]);
      }
    }
  }

  /** One GET per key, pipelined: the reply of each, or the error Redis answered it with. */
  private Object[] send(List<Pending> batch) {
    if (batch.size() == 1) {
      try {
        return new Object[] {redis.get(batch.get(0).key())};
      } catch (JedisDataException e) {
        return new Object[] {e};
      }
    }
    try (AbstractPipeline pipeline = redis.pipelined()) {
      List<Response<byte[]>> responses = new ArrayList<>(batch.size());
      for (Pending pending : batch) {
        responses.add(pipeline.get(pending.key()));
      }
      pipeline.sync();
      Object[] replies = new Object[batch.size()];
      for (int i = 0; i < replies.length; i++) {
        try {
          replies[i] = responses.get(i).get();
        } catch (JedisDataException e) {
          replies[i] = e;
        }
      }
      return replies;
    }
  }

  private static byte[] answer(Pending pending) {
    try {
      return pending.value().getNow(null);
    } catch (CompletionException e) {
      if (e.getCause() instanceof SharedTierException) {
        throw (SharedTierException) e.getCause();
      }
      throw new SharedTierException("a shared read failed: " + e.getCause(), e.getCause());
    }
  }
}
