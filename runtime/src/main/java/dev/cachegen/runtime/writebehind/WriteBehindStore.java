package dev.cachegen.runtime.writebehind;

import dev.cachegen.runtime.shared.SharedTierException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * Where one durable write-behind queue keeps its calls: an append-only log read by a group of
 * consumers (one per runtime), each call pending for the consumer that read it until that consumer
 * acknowledges it. {@link DurableWriteBehind} drives a store; the shared tier provides it ({@code
 * RedisWriteBehindStore} keeps it in a Redis Stream).
 *
 * <p>Every method either returns or throws {@link SharedTierException} after a bounded time. A
 * store does not retry, coalesce or decide anything: that is the backend's work.
 */
public interface WriteBehindStore {

  /**
   * Appends {@code call} and returns its id. With {@code coalesce}, the call also becomes the
   * latest of {@code coalesceKey}, in the same atomic step.
   *
   * @param coalesceKey the call's coalescing key, or {@code null}
   * @param queuedBy the consumer name of the runtime that queues it
   */
  String append(byte[] call, String coalesceKey, boolean coalesce, String queuedBy, long atMillis);

  /** Creates the consumer group, and the log if it is missing; does nothing if the group exists. */
  void ensureGroup();

  /**
   * Reads up to {@code count} calls no consumer has read yet, waiting up to {@code block} for the
   * first ({@code Duration.ZERO}: not at all); they are pending for {@code consumer} until
   * acknowledged.
   *
   * @throws QueueMissingException if the log or its group is gone
   */
  List<StoredCall> read(String consumer, int count, Duration block);

  /**
   * Takes over, for {@code consumer}, up to {@code count} calls that have been pending for any
   * consumer longer than {@code minIdle}, scanning from {@code cursor} ({@code "0-0"} first).
   *
   * @throws QueueMissingException if the log or its group is gone
   */
  Claimed claim(String consumer, Duration minIdle, String cursor, int count);

  /** The id of the latest call queued for {@code coalesceKey}, or {@code null}. */
  String latest(String coalesceKey);

  /** Marks {@code call} done: it leaves the log, and the coalescing index if it is the latest. */
  void acknowledge(StoredCall call);

  /** Moves {@code call} to the dead letters, with the failure, in one atomic step. */
  void bury(StoredCall call, String error, int attempts);

  /** The dead letters, oldest first. */
  List<DeadCall> deadLetters();

  /**
   * Moves every dead letter back to the log, as queued by {@code queuedBy}; returns how many. A
   * dead letter is moved once even when two runtimes replay at the same time.
   */
  int replayDeadLetters(String queuedBy);

  /** Calls in the log: waiting, and pending for some consumer. */
  long depth();

  /** When the oldest call in the log was appended, by the store's clock; empty when none is. */
  OptionalLong oldestAtMillis();

  /**
   * Whether and how the store keeps its calls across its own restart. A store that will not say
   * (its configuration is not readable) answers {@link Persistence.Mode#UNKNOWN}; only a store that
   * does not answer at all throws.
   */
  Persistence persistence();

  /**
   * The log's name and where it lives, for logs: {@code cachegen:wb:{q} at redis://host:6379/0}.
   */
  String describe();

  /**
   * A call as the store keeps it.
   *
   * @param coalesceKey its coalescing key, or {@code null}
   * @param queuedBy the consumer name of the runtime that queued it; {@code null} for calls queued
   *     by a runtime of version 0.1, which did not record it
   */
  record StoredCall(
      String id, byte[] call, String coalesceKey, long enqueuedAtMillis, String queuedBy) {

    /** Whether the runtime whose consumer name is {@code consumer} queued this call. */
    public boolean isQueuedBy(String consumer) {
      return consumer.equals(queuedBy);
    }
  }

  /** One page of {@link #claim}: the calls taken over and where the next page starts. */
  record Claimed(List<StoredCall> calls, String nextCursor) {
    /** Whether the scan went round the whole log. */
    public boolean done() {
      return "0-0".equals(nextCursor);
    }
  }

  /** A call that failed on every attempt. */
  record DeadCall(String id, byte[] call, String error, int attempts, long enqueuedAtMillis) {}

  /**
   * The log or its consumer group is gone although {@link #ensureGroup()} created them: the store
   * lost its data (for Redis: a restart without persistence, {@code FLUSHALL}, a failover to an
   * empty replica). {@link #ensureGroup()} makes the queue usable again.
   */
  final class QueueMissingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public QueueMissingException(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * How the store keeps calls across its own restart.
   *
   * @param store the store, for logs ({@code Redis at redis://host:6379/0})
   * @param mode what it does
   * @param settings what that was read from, for logs ({@code appendonly no, save ""})
   */
  record Persistence(String store, Mode mode, String settings) {

    /** From the safest to the least safe; {@link #UNKNOWN} when the store would not say. */
    public enum Mode {
      /** Every write reaches the disk before it is acknowledged. */
      EVERY_WRITE,
      /** Every write is logged; the log reaches the disk every second. */
      EVERY_SECOND,
      /** Every write is logged; the operating system decides when the log reaches the disk. */
      LOGGED_UNSYNCED,
      /** Only periodic snapshots. */
      SNAPSHOTS,
      /** Nothing survives a restart. */
      NONE,
      /** The store would not say. */
      UNKNOWN
    }

    /** Whether a restart of the store, or a crash of its host, loses at most a second of calls. */
    public boolean keepsCalls() {
      return mode == Mode.EVERY_WRITE || mode == Mode.EVERY_SECOND;
    }
  }
}
