package dev.cachegen.runtime.tier;

import dev.cachegen.runtime.internal.CacheEntry;

/**
 * What a read of the shared tier found: a current entry, nothing, bytes that must be overwritten
 * (corrupt, of another shape, or stored before an invalidation), or no answer (Redis failed).
 *
 * @param entry the current entry, or {@code null}
 * @param replace whether the key holds bytes that a load must overwrite rather than keep
 * @param failed whether Redis did not answer: no lock either, the caller loads (fail open)
 */
record SharedRead<V>(CacheEntry<V> entry, boolean replace, boolean failed) {
  private static final SharedRead<?> ABSENT = new SharedRead<>(null, false, false);
  private static final SharedRead<?> REPLACE = new SharedRead<>(null, true, false);
  private static final SharedRead<?> FAILED = new SharedRead<>(null, false, true);

  static <V> SharedRead<V> hit(CacheEntry<V> entry) {
    return new SharedRead<>(entry, false, false);
  }

  @SuppressWarnings("unchecked")
  static <V> SharedRead<V> absent() {
    return (SharedRead<V>) ABSENT;
  }

  @SuppressWarnings("unchecked")
  static <V> SharedRead<V> overwrite() {
    return (SharedRead<V>) REPLACE;
  }

  @SuppressWarnings("unchecked")
  static <V> SharedRead<V> unanswered() {
    return (SharedRead<V>) FAILED;
  }
}
