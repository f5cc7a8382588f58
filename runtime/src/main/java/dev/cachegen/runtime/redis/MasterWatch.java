package dev.cachegen.runtime.redis;

import dev.cachegen.runtime.shared.SharedTier.Subscriber;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices that the server behind the pool is another one than before: through Sentinel, a failover
 * named a new master. The old master may have acknowledged writes after the promotion that the new
 * one never received, and those are lost when it is demoted; an entry they replaced can come back,
 * and nothing is owed for it because the write succeeded. So before the first command that finds
 * the pool on a new master is sent, the subscriber hears {@link Subscriber#serverReplaced} (the
 * runtime then owes every cache a new generation, takes it on the new master, and drops its
 * in-process tier). Guarantee G5 in {@code docs/ARCHITECTURE.md}.
 *
 * <p>The command itself goes on: refusing it would also refuse the release of a stampede lock the
 * old master had passed on to the new one, which then holds that key's waiters for their whole
 * {@code stampedeWait}. One volatile read and an {@code equals} per command; nothing for a
 * standalone server or a cluster, whose {@code current} supplier is {@code null}.
 */
final class MasterWatch {
  private static final Logger log = LoggerFactory.getLogger(MasterWatch.class);

  private final Supplier<?> current;
  private final AtomicReference<Object> known;
  private volatile Subscriber subscriber;

  /** Watches what {@code current} names (such as the Sentinel client's master); may be null. */
  MasterWatch(Supplier<?> current) {
    this.current = current;
    this.known = new AtomicReference<>(current == null ? null : current.get());
  }

  /** Who hears of a new master: the runtime's coherence, once it subscribes. */
  void tell(Subscriber subscriber) {
    this.subscriber = subscriber;
  }

  /**
   * Tells the subscriber, once per change and on the calling thread, when the pool is on another
   * master than before. No lock is held while it hears it: its repair sends commands that come back
   * here.
   */
  void check() {
    if (current == null) {
      return;
    }
    Object before = known.get();
    Object now = current.get();
    if (Objects.equals(now, before) || !known.compareAndSet(before, now)) {
      return;
    }
    log.info(
        "cachegen: the master moved from {} to {}; advancing every cache's generation there",
        before,
        now);
    Subscriber listening = subscriber;
    if (listening != null) {
      listening.serverReplaced("the master moved from " + before + " to " + now);
    }
  }
}
