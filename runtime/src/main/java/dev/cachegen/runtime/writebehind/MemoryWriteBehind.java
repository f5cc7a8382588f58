package dev.cachegen.runtime.writebehind;

import dev.cachegen.runtime.Codec;
import dev.cachegen.runtime.DeadLetter;
import dev.cachegen.runtime.internal.WriteBehindDefinition;
import dev.cachegen.runtime.internal.WriteHandler;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A bounded write-behind queue in this JVM's memory: drained on close, not durable. */
public final class MemoryWriteBehind<C> extends WriteBehindBackend<C> {
  private static final Logger log = LoggerFactory.getLogger(MemoryWriteBehind.class);

  private final LinkedBlockingQueue<Queued<C>> queue;
  private final ConcurrentHashMap<String, Queued<C>> latest = new ConcurrentHashMap<>();
  private final List<DeadLetter> dead = new ArrayList<>();
  private final AtomicLong ids = new AtomicLong();
  private final Clock clock;
  private volatile boolean closing;

  /**
   * Queued calls the worker is done with (applied, skipped as coalesced, or dead): {@code enqueued
   * - finished} calls are still in memory, waiting or being applied.
   */
  private final LongAdder finished = new LongAdder();

  public MemoryWriteBehind(
      WriteBehindDefinition<C> definition,
      WriteHandler<C> handler,
      Codec.TypedCodec<C> codec,
      int capacity,
      Clock clock) {
    super(definition, handler, codec);
    this.queue = new LinkedBlockingQueue<>(capacity);
    this.clock = clock;
  }

  @Override
  public void enqueue(String coalesceKey, C call) {
    Queued<C> queued =
        new Queued<>(Long.toString(ids.incrementAndGet()), coalesceKey, call, clock.millis());
    if (closing) {
      applyNow(call);
      return;
    }
    if (definition.coalesce() && coalesceKey != null) {
      latest.put(coalesceKey, queued);
    }
    if (queue.offer(queued)) {
      enqueued.increment();
    } else {
      if (coalesceKey != null) {
        latest.remove(coalesceKey, queued);
      }
      applyNow(call);
    }
  }

  @Override
  protected void work() {
    while (!(closing && queue.isEmpty())) {
      Queued<C> queued;
      try {
        queued = queue.poll(50, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (queued == null) {
        continue;
      }
      if (queued.coalesceKey != null && definition.coalesce()) {
        if (latest.get(queued.coalesceKey) != queued) {
          coalesced.increment();
          finished.increment();
          continue;
        }
      }
      Exception failure = applyWithRetries(queued.call, "call " + queued.id);
      if (queued.coalesceKey != null) {
        latest.remove(queued.coalesceKey, queued);
      }
      if (failure != null) {
        synchronized (dead) {
          dead.add(
              new DeadLetter(
                  queued.id,
                  definition.name(),
                  describe(queued.call),
                  failure.toString(),
                  definition.maxAttempts(),
                  queued.enqueuedAtMillis));
          deadCalls.put(queued.id, queued.call);
        }
      }
      finished.increment();
    }
  }

  private final ConcurrentHashMap<String, C> deadCalls = new ConcurrentHashMap<>();

  private String describe(C call) {
    try {
      return new String(codec.encode(call), StandardCharsets.UTF_8);
    } catch (Exception e) {
      return String.valueOf(call);
    }
  }

  @Override
  public boolean durable() {
    return false;
  }

  @Override
  public long depth() {
    return queue.size();
  }

  @Override
  public long lagMillis() {
    Queued<C> oldest = queue.peek();
    return oldest == null ? 0 : Math.max(0, clock.millis() - oldest.enqueuedAtMillis);
  }

  @Override
  public List<DeadLetter> deadLetters() {
    synchronized (dead) {
      return List.copyOf(dead);
    }
  }

  @Override
  public int replayDeadLetters() {
    List<DeadLetter> replay;
    synchronized (dead) {
      replay = List.copyOf(dead);
      dead.clear();
    }
    for (DeadLetter letter : replay) {
      C call = deadCalls.remove(letter.id());
      if (call != null) {
        enqueue(null, call);
      }
    }
    return replay.size();
  }

  @Override
  public void drain(Duration timeout) {
    closing = true;
    if (queue.isEmpty() && enqueued.sum() == finished.sum()) {
      return; // nothing queued, nothing being applied: the worker ends at its next poll
    }
    if (stopWorker(timeout)) {
      return;
    }
    long left = enqueued.sum() - finished.sum();
    if (left > 0) {
      int waiting = queue.size();
      log.error(
          "write-behind {}: close() left {} calls not applied after waiting {} ms ({} queued, {}"
              + " being applied that may still finish); they were in this JVM's memory only and"
              + " are lost",
          definition.name(),
          left,
          timeout.toMillis(),
          waiting,
          left - waiting);
    }
  }

  private static final class Queued<C> {
    final String id;
    final String coalesceKey;
    final C call;
    final long enqueuedAtMillis;

    Queued(String id, String coalesceKey, C call, long enqueuedAtMillis) {
      this.id = id;
      this.coalesceKey = coalesceKey;
      this.call = call;
      this.enqueuedAtMillis = enqueuedAtMillis;
    }
  }
}
