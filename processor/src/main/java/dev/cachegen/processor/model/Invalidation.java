package dev.cachegen.processor.model;

import java.util.List;

/**
 * One {@code @Invalidate}: the key to evict from a cache, or all of its entries.
 *
 * @param cache the {@code @Cached} method that defines the cache
 * @param allEntries whether every entry is evicted, in which case {@code keyParts} is empty
 * @param keyParts the key, in template order; the same shape as {@code cache}'s key
 */
public record Invalidation(CachedMethod cache, boolean allEntries, List<KeyPart> keyParts) {

  /** Copies the key parts. */
  public Invalidation {
    keyParts = List.copyOf(keyParts);
  }

  /** The parts of the key that carry values, in order. */
  public List<KeyPart.Value> keyValues() {
    return keyParts.stream()
        .filter(KeyPart.Value.class::isInstance)
        .map(KeyPart.Value.class::cast)
        .toList();
  }
}
