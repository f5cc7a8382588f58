package dev.cachegen.runtime.shared;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Applies the server's reports of changed keys (client tracking, see {@link SharedTier#subscribe})
 * to the in-process tiers. A report names a key and nothing else: not who changed it, nor how, nor
 * the new value. So:
 *
 * <ul>
 *   <li>an entry key drops that entry from its cache's in-process tier, whoever wrote it: this
 *       runtime's own writes included, because a report of ours and one of another client's change
 *       of the same key may arrive as one (the server sends one report per key per round of its
 *       event loop), and a report is never suppressed on a guess;
 *   <li>a generation or tag counter is read again ({@code GET}, which changes nothing and so
 *       reports nothing), because most reports of counters are no change of their value: reading a
 *       counter raises its time to live, which the server reports too. A value that moved drops the
 *       cache or makes the tag's entries stale; a counter that is gone, or cannot be read, forgets
 *       the version, so that the next load reads it again;
 *   <li>locks, write-behind queues and other kinds are not cached in-process: ignored.
 * </ul>
 */
final class TrackedChanges {
  private final SharedTier shared;
  private final KeySpace keys;
  private final Map<String, Coherence.Listener> caches;
  private final TagVersions tags;
  private volatile String last;

  TrackedChanges(
      SharedTier shared, KeySpace keys, Map<String, Coherence.Listener> caches, TagVersions tags) {
    this.shared = shared;
    this.keys = keys;
    this.caches = caches;
    this.tags = tags;
  }

  /** Applies the report that {@code key} changed; called on the subscription's thread. */
  void changed(String key) {
    String cacheName = keys.entryCache(key);
    if (cacheName != null) {
      Coherence.Listener cache = caches.get(cacheName);
      if (cache != null) {
        cache.evictLocally(key);
      }
    } else if ((cacheName = keys.generationCache(key)) != null) {
      Coherence.Listener cache = caches.get(cacheName);
      if (cache != null) {
        Long generation = read(key);
        if (generation == null) {
          cache.dropLocalTier();
        } else {
          cache.generationRead(generation);
        }
      }
    } else {
      String tag = keys.tagOf(key);
      if (tag != null && tags.known(tag) != null) {
        Long version = read(key);
        if (version == null) {
          tags.forget(tag);
        } else {
          tags.learn(tag, version);
        }
      }
    }
    last = key; // after applying it: tests wait on this
  }

  /** The key of the last report applied, or {@code null}; for tests. */
  String last() {
    return last;
  }

  /** The counter at {@code key}, or {@code null} when it is gone or cannot be read now. */
  private Long read(String key) {
    try {
      byte[] value = shared.get(key);
      return value == null ? null : Long.valueOf(new String(value, StandardCharsets.US_ASCII));
    } catch (SharedTierException | NumberFormatException e) {
      return null;
    }
  }
}
