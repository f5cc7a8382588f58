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
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable write-behind queue: its calls wait in a {@link WriteBehindStore} shared by every
 * runtime with the same key prefix, each runtime one consumer of the store's group. A call is
 * acknowledged only after the delegate applied it (or it became a dead letter), so a crash leaves
 * it pending; any runtime takes over calls that have been pending longer than {@link
 * QueueConsumer#claimAfter()} and applies them.
 *
 * <p>One worker thread per queue, started by {@link #start()}: it takes over stale calls now and
 * then, reads batches, skips calls a later call of the same key made obsolete (coalescing), applies
 * the rest with retries and acknowledges or buries each. When the store lost the queue (Redis
 * restarted empty, was flushed, or failed over to an empty replica), the worker says so and creates
 * the group again, so that calls queued from then on are applied. Once the store answers, the
 * worker checks (once per runtime) whether it persists, and warns when it does not.
 */
public final class DurableWriteBehind<C> extends WriteBehindBackend<C> {
  private static final Logger log = LoggerFactory.getLogger(DurableWriteBehind.class);
  private static final int BATCH = 16;
  private static final Duration BLOCK = Duration.ofMillis(100);

  private final WriteBehindStore store;
  private final QueueConsumer consumer;
  private Thread worker;
  private volatile boolean closing;
  private volatile boolean drained;

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
  public synchronized void start() {
    if (worker != null) {
      throw new IllegalStateException("write-behind " + definition.name() + " already started");
    }
    worker = new Thread(this::work, "cachegen-write-behind-" + definition.name());
    worker.setDaemon(true);
    worker.start();
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
      store.append(encoded, coalesceKey, definition.coalesce(), consumer.clock().millis());
      enqueued.increment();
    } catch (SharedTierException e) {
      // The store did not take it: the only way not to lose the write is to apply it now.
      applyNow(call);
    }
  }

  private void work() {
    long backoffMillis = 50;
    long nextClaim = System.nanoTime();
    boolean groupReady = false;
    while (!Thread.currentThread().isInterrupted()) {
      try {
        if (!groupReady) {
          store.ensureGroup();
          groupReady = true;
        }
        consumer.persistence().runOnce(store);
        if (System.nanoTime() - nextClaim >= 0) {
          claimStale();
          nextClaim = System.nanoTime() + Math.max(50, consumer.claimAfter().toNanos() / 2);
        }
        List<StoredCall> batch = store.read(consumer.name(), BATCH, BLOCK);
        batch.forEach(this::process);
        backoffMillis = 50;
        if (closing && batch.isEmpty()) {
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
        if (closing) {
          return;
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
    if (definition.coalesce() && stored.coalesceKey() != null) {
      String latestId = store.latest(stored.coalesceKey());
      if (latestId != null && !latestId.equals(stored.id())) {
        coalesced.increment();
        store.acknowledge(stored);
        return;
      }
    }
    C call;
    try {
      call = codec.decode(stored.call());
    } catch (Exception e) {
      deadLettered.increment();
      store.bury(stored, e.toString(), 0);
      return;
    }
    Exception failure = applyWithRetries(call, "call " + stored.id());
    if (failure == null) {
      store.acknowledge(stored);
    } else {
      store.bury(stored, failure.toString(), definition.maxAttempts());
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
    return store.replayDeadLetters();
  }

  @Override
  public void drain(Duration timeout) {
    closing = true;
    Thread running;
    synchronized (this) {
      running = worker;
    }
    if (running != null) {
      stop(running, timeout);
    }
    if (!drained) {
      log.info(
          "write-behind {}: stopped before the queue was empty; the rest stays in {} and is"
              + " applied by the next runtime with this prefix",
          definition.name(),
          store.describe());
    }
  }
}
