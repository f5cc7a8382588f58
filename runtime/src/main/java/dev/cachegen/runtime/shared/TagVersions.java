package dev.cachegen.runtime.shared;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cachegen.runtime.internal.CacheEntry;

/**
 * The versions of tags this runtime knows, at most {@code maximumTags} of them: read from Redis
 * when first needed, then kept up to date by events and tracked changes, and forgotten when those
 * may have been missed, so that they are read again.
 */
final class TagVersions {
  private final Cache<String, Long> versions;

  TagVersions(long maximumTags) {
    this.versions = Caffeine.newBuilder().maximumSize(maximumTags).build();
  }

  /** The version of {@code tag} known here, or {@code null}. */
  Long known(String tag) {
    return versions.getIfPresent(tag);
  }

  /** Records a version read or heard of; returns the one now known. */
  long learn(String tag, long version) {
    return versions.asMap().merge(tag, version, VersionCounters::newer);
  }

  /** Without a shared tier: the version of {@code tag}, starting at 0. */
  long local(String tag) {
    return versions.asMap().computeIfAbsent(tag, t -> 0L);
  }

  /** Without a shared tier: moves the version of {@code tag} on. */
  void advanceLocally(String tag) {
    versions.asMap().merge(tag, 1L, Long::sum);
  }

  /** Whether no tag of {@code entry} moved since its value was loaded. */
  boolean areCurrent(CacheEntry<?> entry) {
    String[] tags = entry.tags();
    long[] recorded = entry.tagVersions();
    for (int i = 0; i < tags.length; i++) {
      Long known = versions.getIfPresent(tags[i]);
      long current = known == null ? CacheEntry.UNKNOWN_GENERATION : known;
      if (current != recorded[i]) {
        return false;
      }
    }
    return true;
  }

  /** Forgets the version of {@code tag}: entries carrying it read as stale until it is read. */
  void forget(String tag) {
    versions.invalidate(tag);
  }

  /** Forgets every version. */
  void forgetAll() {
    versions.invalidateAll();
  }
}
