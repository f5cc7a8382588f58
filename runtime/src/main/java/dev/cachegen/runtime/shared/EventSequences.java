package dev.cachegen.runtime.shared;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sequence numbers of coherence events: the ones this runtime gives its own events, per {@link
 * CoherenceEvent#scope() scope}, and the last one it heard from each other runtime, so that a
 * missed event shows as a gap.
 */
final class EventSequences {
  /** The last number this runtime gave, per scope. */
  private final Map<String, AtomicLong> published = new ConcurrentHashMap<>();

  /** The last number heard, per publisher and scope. */
  private final Map<String, Map<String, Long>> heard = new ConcurrentHashMap<>();

  /** The number of this runtime's next event in {@code scope}; 0 for unnumbered wake-ups. */
  long next(String scope) {
    return scope == null
        ? 0
        : published.computeIfAbsent(scope, s -> new AtomicLong()).incrementAndGet();
  }

  /**
   * Whether {@code event} follows the last event of its publisher and scope that this runtime
   * heard. The first event of a publisher (or after {@link #forget()}) starts the count: what came
   * before it was dropped with the in-process tier when the subscription began.
   */
  boolean follows(CoherenceEvent event) {
    String scope = event.scope();
    if (scope == null) {
      return true;
    }
    Map<String, Long> seen =
        heard.computeIfAbsent(event.publisher(), publisher -> new ConcurrentHashMap<>());
    Long last = seen.put(scope, event.sequence());
    return last == null || event.sequence() == last + 1;
  }

  /** Forgets what was heard: the subscription began again, and counting with it. */
  void forget() {
    heard.clear();
  }
}
