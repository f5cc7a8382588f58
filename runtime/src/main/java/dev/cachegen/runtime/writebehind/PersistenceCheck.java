package dev.cachegen.runtime.writebehind;

import dev.cachegen.runtime.shared.SharedTierException;
import dev.cachegen.runtime.writebehind.WriteBehindStore.Persistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the store, once per runtime, whether it keeps queued calls across its own restart, and says
 * so loudly when it does not: a durable queue is only as durable as its store. The answer is kept
 * for {@link DurableWriteBehind#drain}, which says whether calls it leaves behind are safe.
 */
final class PersistenceCheck {
  private static final Logger log = LoggerFactory.getLogger(PersistenceCheck.class);

  private volatile Persistence answer;

  /** The store's answer; {@code null} until it gave one. */
  Persistence answer() {
    return answer;
  }

  /**
   * Asks {@code store} unless a queue of this runtime already had an answer. A store that does not
   * answer is asked again next time; the queue works meanwhile.
   */
  void runOnce(WriteBehindStore store) {
    if (answer != null) {
      return;
    }
    Persistence persistence;
    try {
      persistence = store.persistence();
    } catch (SharedTierException e) {
      log.debug("write-behind: cannot ask {} how it persists yet", store.describe(), e);
      return;
    }
    synchronized (this) {
      if (answer != null) {
        return;
      }
      answer = persistence;
    }
    report(persistence);
  }

  /** What {@code p} means for calls left in the store, for {@link DurableWriteBehind#drain}. */
  static String describe(Persistence p) {
    if (p == null) {
      return "whether the store persists is not known, it never answered";
    }
    return switch (p.mode()) {
      case EVERY_WRITE, EVERY_SECOND -> p.store() + " keeps them (" + p.settings() + ")";
      case LOGGED_UNSYNCED ->
          p.store() + " keeps them unless its host crashes (" + p.settings() + ")";
      case SNAPSHOTS ->
          p.store()
              + " keeps them only if a snapshot is taken before it stops ("
              + p.settings()
              + ")";
      case NONE ->
          p.store() + " does not persist (" + p.settings() + "): they are lost if it restarts";
      case UNKNOWN -> "whether " + p.store() + " persists is unknown (" + p.settings() + ")";
    };
  }

  private static void report(Persistence p) {
    switch (p.mode()) {
      case EVERY_WRITE, EVERY_SECOND ->
          log.info(
              "write-behind: {} keeps queued calls across its restart ({})",
              p.store(),
              p.settings());
      case LOGGED_UNSYNCED ->
          log.warn(
              "write-behind: {} logs every write but leaves flushing the log to disk to the operating"
                  + " system ({}): a crash of its host can lose the calls queued in the last 30 seconds"
                  + " or so. Set appendfsync everysec or always to keep them.",
              p.store(),
              p.settings());
      case SNAPSHOTS ->
          log.warn(
              "write-behind: {} does not persist every write, only snapshots ({}): calls queued since"
                  + " the last snapshot and not applied yet are lost when it restarts or fails over to"
                  + " an empty replica. Turn on the append-only file (appendonly yes, appendfsync"
                  + " everysec or always) to keep them.",
              p.store(),
              p.settings());
      case NONE ->
          log.warn(
              "write-behind: {} does not persist ({}): calls queued and not applied yet are lost when"
                  + " it restarts, is flushed or fails over to an empty replica. Turn on the append-only"
                  + " file (appendonly yes, appendfsync everysec or always) to keep them.",
              p.store(),
              p.settings());
      case UNKNOWN ->
          log.warn(
              "write-behind: cannot tell whether {} persists (unknown: {}). If it does not, calls"
                  + " queued and not applied yet are lost when it restarts, is flushed or fails over to"
                  + " an empty replica; the append-only file (appendonly yes, appendfsync everysec or"
                  + " always) keeps them.",
              p.store(),
              p.settings());
    }
  }
}
