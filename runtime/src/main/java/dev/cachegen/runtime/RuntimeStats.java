package dev.cachegen.runtime;

import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A snapshot of every cache of a runtime.
 *
 * @param caches statistics by cache name, in the order the caches were created
 * @param writeBehind statistics by write-behind queue name
 * @param sharedTier what the shared tier is, such as {@code redis://127.0.0.1:6379/0}, or {@code
 *     none}
 * @param sharedTierAvailable whether the shared tier is answering now (false while its circuit
 *     breaker is open, and always false without one)
 * @param sharedTierRefusesWrites whether the shared tier answers reads but refused the last write
 *     for lack of memory ({@code maxmemory} with {@code noeviction}): entries are not stored there
 *     and the stampede lock cannot be taken until a write succeeds again
 * @param sharedTierProblem the configuration error the shared tier last answered with (a wrong
 *     password, a forbidden command, an untrusted certificate), with what to change; {@code null}
 *     when there is none. Unlike a network fault, it does not heal by itself
 * @param eventsReceived invalidation events from other runtimes applied to this one's in-process
 *     tier
 * @param localTierResets how often the whole in-process tier was dropped because the event
 *     subscription was (re)established and events may have been missed
 */
public record RuntimeStats(
    Map<String, CacheStats> caches,
    Map<String, WriteBehindStats> writeBehind,
    String sharedTier,
    boolean sharedTierAvailable,
    boolean sharedTierRefusesWrites,
    String sharedTierProblem,
    long eventsReceived,
    long localTierResets) {

  /** The statistics of the cache {@code name}. */
  public CacheStats cache(String name) {
    CacheStats stats = caches.get(name);
    if (stats == null) {
      throw new NoSuchElementException(
          "no cache named " + name + " has been used; known caches: " + caches.keySet());
    }
    return stats;
  }
}
