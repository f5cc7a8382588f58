package dev.cachegen.runtime.writebehind;

import dev.cachegen.runtime.Codec;
import dev.cachegen.runtime.DeadLetter;
import dev.cachegen.runtime.internal.WriteBehindDefinition;
import dev.cachegen.runtime.internal.WriteHandler;
import dev.cachegen.runtime.shared.SharedTierException;
import dev.cachegen.runtime.writebehind.WriteBehindStore.Claimed;
import dev.cachegen.runtime.writebehind.WriteBehindStore.QueueMissingException;
import dev.cachegen.runtime.writebehind.WriteBehindStore.StoredCall;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable write-behind queue: its calls wait in a {@link WriteBehindStore} shared by every
 * runtime with the same key prefix, each runtime one consumer of the store's group. A call is
 * acknowledged only after the delegate applied it (or it became a dead letter), so a crash leaves
 * it pending; any runtime takes over calls that have been pending longer than {@link
 * QueueConsumer#claimAfter()} and applies them.
 *
 * <p>One worker thread per queue ({@link #start()}): it takes over stale calls now and then, reads
 * batches, skips calls a later call of the same key made obsolete (coalescing), applies the rest
 * with retries and acknowledges or buries each. When the store lost the queue (Redis restarted
 * empty, was flushed, or failed over to an empty replica), the worker says so and creates the group
 * again, so that calls queued from then on are applied. Once the store answers, the worker checks
 * (once per runtime) whether it persists, and warns when it does not.
 *
 * <p>A call read from the store is applied even when the store then fails: the acknowledgement
 * waits in {@code unsettled} and is sent once the store answers again. {@link #drain} applies what
 * is queued; when it cannot finish (timeout, or the store keeps failing), it says how many calls it
 * left and where, at ERROR when the store may lose them.
 */
public final class DurableWriteBehind<C> extends WriteBehindBackend<C> {
  private static final Logger log = LoggerFactory.getLogger(DurableWriteBehind.class);
  private static final int BATCH = 16;
  private static final Duration BLOCK = Duration.ofMillis(100);
  private static final Duration NO_BLOCK = Duration.ZERO;

  /** Store failures in a row after which a closing worker stops trying. */
  private static final int FAILURES_BEFORE_GIVING_UP = 3;

  private final WriteBehindStore store;
  private final QueueConsumer consumer;
  private volatile boolean closing;
  private volatile boolean drained;

  /** Calls this runtime queued and has not applied, skipped as coalesced, or buried itself. */
  private final AtomicLong ownUnapplied = new AtomicLong();

  /** Outcomes of calls read from the store that the store has not recorded yet. */
  private final Queue<Settlement> unsettled = new ConcurrentLinkedQueue<>();

  public DurableWriteBehind(
      WriteBehindDefinition<C> definition,
      WriteHandler<C> handler,
      Codec.TypedCodec<C> codec,
      WriteBehindStore store,
      QueueConsumer consumer) {
    super(definition, handler, codec);
    this.store = store;
    this.consumer = consumer;
  }

  @Override
  public void enqueue(String coalesceKey, C call) {
    byte[] encoded;
    try {
      encoded = codec.encode(call);
    } catch (Exception e) {
      // A call the codec cannot write cannot be queued durably: apply it now rather than lose it.
      log.warn(
          "write-behind {}: cannot encode a call, applying it now: {}",
          definition.name(),
          e.toString());
      applyNow(call);
      return;
    }
    if (closing) {
      applyNow(call);
      return;
    }
    try {
      store.append(
          encoded, coalesceKey, definition.coalesce(), consumer.name(), consumer.clock().millis());
      enqueued.increment();
      ownUnapplied.incrementAndGet();
    } catch (SharedTierException e) {
      // The store did not take it: the only way not to lose the write is to apply it now.
      applyNow(call);
    }
  }

  @Override
  protected void work() {
    long backoffMillis = 50;
    long nextClaim = System.nanoTime();
    boolean groupReady = false;
    int failures = 0;
    while (!Thread.currentThread().isInterrupted() && !drained) {
      try {
        // Before claiming: a call whose acknowledgement waits here must not be taken over again.
        settleUnsettled();
        if (!groupReady) {
          store.ensureGroup();
          groupReady = true;
        }
        consumer.persistence().runOnce(store);
        if (System.nanoTime() - nextClaim >= 0) {
          claimStale();
          nextClaim =
              System.nanoTime()
                  + Math.max(
                      TimeUnit.MILLISECONDS.toNanos(50), consumer.claimAfter().toNanos() / 2);
        }
        // Closing: look without blocking, so that the drain finishes as soon as the log is empty.
        List<StoredCall> batch = store.read(consumer.name(), BATCH, closing ? NO_BLOCK : BLOCK);
        batch.forEach(this::process);
        failures = 0;
        backoffMillis = 50;
        if (closing && batch.isEmpty() && unsettled.isEmpty()) {
          drained = true;
          return;
        }
      } catch (QueueMissingException e) {
        groupReady = false;
        log.error(
            "write-behind {}: {}. The store lost its data (a restart without persistence, FLUSHALL,"
                + " or a failover to an empty replica): calls queued before that and not applied"
                + " yet are lost. Creating the group again; calls queued from now on are applied.",
            definition.name(),
            e.getMessage());
      } catch (RuntimeException e) {
        failures++;
        if (drained || (closing && failures >= FAILURES_BEFORE_GIVING_UP)) {
          return; // drain() says what is left
        }
        logFailure(e, backoffMillis);
        try {
          TimeUnit.MILLISECONDS.sleep(backoffMillis);
        } catch (InterruptedException interrupted) {
          return;
        }
        backoffMillis = Math.min(2_000, backoffMillis * 2);
      }
    }
  }

  private void logFailure(RuntimeException e, long backoffMillis) {
    if (e instanceof SharedTierException) {
      log.debug(
          "write-behind {}: {} failed; retrying in {} ms",
          definition.name(),
          store.describe(),
          backoffMillis,
          e);
    } else {
      log.warn(
          "write-behind {}: unexpected failure; retrying in {} ms",
          definition.name(),
          backoffMillis,
          e);
    }
  }

  /**
   * Takes over calls another consumer (a crashed JVM, an earlier life of this one) left pending.
   */
  private void claimStale() {
    String cursor = "0-0";
    Claimed page;
    do {
      page = store.claim(consumer.name(), consumer.claimAfter(), cursor, BATCH);
      for (StoredCall stored : page.calls()) {
        log.info(
            "write-behind {}: applying call {} left pending by another consumer",
            definition.name(),
            stored.id());
        process(stored);
      }
      cursor = page.nextCursor();
    } while (!page.done() && !closing);
  }

  private void process(StoredCall stored) {
    if (Thread.currentThread().isInterrupted()) {
      return; // drain() gave up: it stays pending for another runtime
    }
    Settlement settlement = decide(stored);
    if (settlement == null) {
      return; // interrupted while applying: it stays pending for another runtime
    }
    if (stored.isQueuedBy(consumer.name())) {
      ownUnapplied.decrementAndGet();
    }
    try {
      settle(settlement);
    } catch (SharedTierException e) {
      unsettled.add(settlement); // applied or given up on all the same; tell the store later
    }
  }

  /** Applies {@code stored} unless a later call superseded it; {@code null} if interrupted. */
  private Settlement decide(StoredCall stored) {
    if (isSuperseded(stored)) {
      coalesced.increment();
      return new Settlement(stored, null, 0);
    }
    C call;
    try {
      call = codec.decode(stored.call());
    } catch (Exception e) {
      deadLettered.increment();
      return new Settlement(stored, e.toString(), 0);
    }
    Exception failure = applyWithRetries(call, "call " + stored.id());
    if (failure == null) {
      return new Settlement(stored, null, 0);
    }
    if (Thread.currentThread().isInterrupted()) {
      return null;
    }
    return new Settlement(stored, failure.toString(), definition.maxAttempts());
  }

  private boolean isSuperseded(StoredCall stored) {
    if (!definition.coalesce() || stored.coalesceKey() == null) {
      return false;
    }
    try {
      String latestId = store.latest(stored.coalesceKey());
      return latestId != null && !latestId.equals(stored.id());
    } catch (SharedTierException e) {
      return false; // cannot tell; applying a superseded call is redundant, the later one follows
    }
  }

  private void settle(Settlement settlement) {
    if (settlement.error() == null) {
      store.acknowledge(settlement.call());
    } else {
      store.bury(settlement.call(), settlement.error(), settlement.attempts());
    }
  }

  private void settleUnsettled() {
    for (Settlement next = unsettled.peek(); next != null; next = unsettled.peek()) {
      settle(next);
      unsettled.poll();
    }
  }

  @Override
  public boolean durable() {
    return true;
  }

  @Override
  public long depth() {
    try {
      return store.depth();
    } catch (SharedTierException e) {
      log.debug("write-behind {}: cannot read the depth", definition.name(), e);
      return -1;
    }
  }

  @Override
  public long lagMillis() {
    try {
      OptionalLong oldest = store.oldestAtMillis();
      return oldest.isEmpty() ? 0 : Math.max(0, consumer.clock().millis() - oldest.getAsLong());
    } catch (SharedTierException e) {
      log.debug("write-behind {}: cannot read the lag", definition.name(), e);
      return -1;
    }
  }

  @Override
  public List<DeadLetter> deadLetters() {
    return store.deadLetters().stream()
        .map(
            dead ->
                new DeadLetter(
                    dead.id(),
                    definition.name(),
                    new String(dead.call(), StandardCharsets.UTF_8),
                    dead.error(),
                    dead.attempts(),
                    dead.enqueuedAtMillis()))
        .toList();
  }

  @Override
  public int replayDeadLetters() {
    int replayed = store.replayDeadLetters(consumer.name());
    ownUnapplied.addAndGet(replayed);
    return replayed;
  }

  @Override
  public void drain(Duration timeout) {
    closing = true;
    if (nothingLeft()) {
      // Nothing queued by anyone, nothing held here: no need to wait for the worker's blocking
      // read to come back (up to its block time); it sees drained and ends by itself.
      drained = true;
      return;
    }
    stopWorker(timeout);
    if (!drained) {
      reportLeftovers(timeout);
    }
  }

  /**
   * Whether the log is empty and this runtime holds no call: the stream keeps a call until it is
   * acknowledged, so an empty stream means no call is waiting or being applied anywhere.
   */
  private boolean nothingLeft() {
    if (!unsettled.isEmpty()) {
      return false;
    }
    try {
      return store.depth() == 0;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * Says how many calls are left and where; ERROR when the store may lose them. When the store
   * answers, its depth is exact (the calls of every runtime of this prefix still in the log). When
   * it does not, what this runtime knows exactly is how many calls it queued and did not apply.
   */
  private void reportLeftovers(Duration timeout) {
    WriteBehindStore.Persistence persistence = consumer.persistence().answer();
    long unacknowledged = unsettled.size();
    long own = Math.max(0, ownUnapplied.get());
    String left;
    try {
      long depth = store.depth();
      if (depth == 0 && unacknowledged == 0) {
        return;
      }
      left =
          String.format(
              "close() left %d calls in %s after %d ms; the next runtime with this key prefix"
                  + " applies them",
              depth, store.describe(), timeout.toMillis());
    } catch (SharedTierException e) {
      if (own == 0 && unacknowledged == 0) {
        log.warn(
            "write-behind {}: close() could not reach {} ({}); no call this runtime queued is"
                + " left unapplied",
            definition.name(),
            store.describe(),
            e.getMessage());
        return;
      }
      left =
          String.format(
              "close() left %d calls that this runtime queued and did not apply; they are in %s,"
                  + " which did not answer (%s), unless another runtime applied them or the store"
                  + " lost them. The next runtime with this key prefix applies them if the store"
                  + " keeps them",
              own, store.describe(), e.getMessage());
    }
    String message =
        String.format(
            "write-behind %s: %s; %s.%s",
            definition.name(),
            left,
            PersistenceCheck.describe(persistence),
            unacknowledged == 0
                ? ""
                : " "
                    + unacknowledged
                    + " calls this runtime applied could not be acknowledged and may be applied"
                    + " again.");
    if (persistence != null && persistence.keepsCalls()) {
      log.warn(message); // handed over
    } else {
      log.error(message); // may be lost
    }
  }

  /** How a call read from the store ends: acknowledged ({@code error == null}) or buried. */
  private record Settlement(StoredCall call, String error, int attempts) {}
}
