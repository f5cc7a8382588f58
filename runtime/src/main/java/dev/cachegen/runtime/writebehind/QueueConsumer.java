package dev.cachegen.runtime.writebehind;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * One runtime as a consumer of durable write-behind queues: what all its {@link DurableWriteBehind}
 * queues share, including the check of the store's persistence, made once per runtime.
 */
public final class QueueConsumer {
  private final String name;
  private final Duration claimAfter;
  private final Clock clock;
  private final PersistenceCheck persistence = new PersistenceCheck();

  /**
   * @param name the consumer's name in every queue's group, unique per runtime
   * @param claimAfter how long a call stays pending for another consumer before this one takes it
   * @param clock for enqueue times and lag
   */
  public QueueConsumer(String name, Duration claimAfter, Clock clock) {
    this.name = Objects.requireNonNull(name, "name");
    this.claimAfter = Objects.requireNonNull(claimAfter, "claimAfter");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public String name() {
    return name;
  }

  public Duration claimAfter() {
    return claimAfter;
  }

  public Clock clock() {
    return clock;
  }

  PersistenceCheck persistence() {
    return persistence;
  }
}
