package dev.cachegen.runtime.shared;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The invalidations this runtime owes the shared tier: the Redis side of a write, an eviction, a
 * tag invalidation or a whole-cache invalidation that failed (an error, a timeout, the breaker
 * open). Kept in memory until {@link Coherence} applies them. A key that cannot be remembered any
 * more (more than {@link #MAXIMUM_KEYS} are owed) is owed as its whole cache's generation instead:
 * coarser, still correct, and O(1).
 */
final class RepairLog {
  private static final Logger log = LoggerFactory.getLogger(RepairLog.class);

  /** The most single keys remembered; past this, their caches are invalidated whole. */
  static final int MAXIMUM_KEYS = 10_000;

  /** Shared key to its cache's name. */
  private final Map<String, String> keys = new ConcurrentHashMap<>();

  private final Set<String> tags = ConcurrentHashMap.newKeySet();
  private final Set<String> generations = ConcurrentHashMap.newKeySet();
  private volatile boolean owed;
  private final AtomicBoolean failureLogged = new AtomicBoolean();

  /** The Redis side of a write or an eviction of {@code sharedKey} failed: delete it later. */
  void key(String cacheName, String sharedKey) {
    if (keys.size() >= MAXIMUM_KEYS && !keys.containsKey(sharedKey)) {
      generations.add(cacheName);
    } else {
      keys.put(sharedKey, cacheName);
    }
    owed = true;
  }

  /** Invalidating {@code tag} failed: increment its version later. */
  void tag(String tag) {
    tags.add(tag);
    owed = true;
  }

  /** Invalidating every entry of {@code cacheName} failed: advance its generation later. */
  void generation(String cacheName) {
    generations.add(cacheName);
    owed = true;
  }

  /** Whether anything is owed; one volatile read. */
  boolean owed() {
    return owed;
  }

  Map<String, String> keys() {
    return keys;
  }

  Set<String> tags() {
    return tags;
  }

  Set<String> generations() {
    return generations;
  }

  /**
   * Clears the flag when nothing is left; call after removing what was applied. The flag is cleared
   * before the second look, so that a repair owed meanwhile sets it again rather than be lost.
   */
  void settle() {
    if (isEmpty()) {
      owed = false;
      if (!isEmpty()) {
        owed = true;
      }
    }
  }

  private boolean isEmpty() {
    return keys.isEmpty() && tags.isEmpty() && generations.isEmpty();
  }

  /** How many repairs are owed, for statistics and logs. */
  int size() {
    return keys.size() + tags.size() + generations.size();
  }

  /** Logs that {@code what} failed and is now owed: at WARNING the first time, then at debug. */
  void logFailure(String what, SharedTierException e) {
    if (failureLogged.compareAndSet(false, true)) {
      log.warn(
          "cachegen: could not {} because Redis failed ({}); other JVMs keep their entries until"
              + " their local ttl ends (further failures are logged at debug)",
          what,
          e.getMessage());
    } else {
      log.debug("cachegen: could not {}", what, e);
    }
  }
}
