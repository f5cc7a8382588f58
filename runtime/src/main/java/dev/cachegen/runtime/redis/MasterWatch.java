package dev.cachegen.runtime.redis;

import dev.cachegen.runtime.shared.SharedTier.Subscriber;
import dev.cachegen.runtime.shared.SharedTierException;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices that the server behind the pool is another one than before: through Sentinel, a failover
 * named a new master. The old master may have acknowledged writes after the promotion that the new
 * one never received, and those are lost when it is demoted; an entry they replaced can come back,
 * and nothing is owed for it because the write succeeded. So the first command that finds the pool
 * on a new master is not sent: the subscriber hears {@link Subscriber#serverReplaced} first (the
 * runtime then owes every cache a new generation, which it takes on the new master before it reads
 * Redis again, and drops its in-process tier), and the command fails like any other, which the
 * caches answer without Redis. Guarantee G5 in {@code docs/ARCHITECTURE.md}.
 *
 * <p>One volatile read and an {@code equals} per command; nothing for a standalone server or a
 * cluster, whose {@code current} supplier is {@code null}.
 */
final class MasterWatch {
  private static final Logger log = LoggerFactory.getLogger(MasterWatch.class);

  private final Supplier<?> current;
  private volatile Object known;
  private volatile Subscriber subscriber;

  /** Watches what {@code current} names (such as the Sentinel client's master); may be null. */
  MasterWatch(Supplier<?> current) {
    this.current = current;
    this.known = current == null ? null : current.get();
  }

  /** Who hears of a new master: the runtime's coherence, once it subscribes. */
  void tell(Subscriber subscriber) {
    this.subscriber = subscriber;
  }

  /**
   * Passes when the pool is on the master it was on before; else tells the subscriber, once per
   * change, and throws for this command.
   */
  void check() {
    if (current == null) {
      return;
    }
    Object now = current.get();
    Object before = known;
    if (Objects.equals(now, before)) {
      return;
    }
    synchronized (this) {
      if (!Objects.equals(now, known)) {
        known = now;
        log.info(
            "cachegen: the master moved from {} to {}; advancing every cache's generation there"
                + " before reading it",
            before,
            now);
        Subscriber listening = subscriber;
        if (listening != null) {
          listening.serverReplaced("the master moved from " + before + " to " + now);
        }
      }
    }
    throw new SharedTierException("the master moved from " + before + " to " + now, null);
  }
}
