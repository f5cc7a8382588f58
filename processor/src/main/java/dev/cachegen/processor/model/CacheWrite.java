package dev.cachegen.processor.model;

import java.util.List;
import java.util.Optional;

/**
 * What a {@code @WriteThrough} or {@code @WriteBehind} method stores: which value, in which cache,
 * under which key, with which tags.
 *
 * @param cache the {@code @Cached} method that defines the cache (its constant and field are
 *     reused)
 * @param keyParts the key, in template order; the same shape as {@code cache}'s key
 * @param valueParameter the parameter whose value is stored, or empty for the returned value
 * @param tags the tags attached to the written entry, as many as {@code cache} declares
 * @param queue for {@code @WriteBehind}, the queue that applies the call to the delegate later;
 *     empty for write-through
 */
public record CacheWrite(
    CachedMethod cache,
    List<KeyPart> keyParts,
    Optional<String> valueParameter,
    List<TagTemplate> tags,
    Optional<WriteQueue> queue) {

  /** Copies the lists. */
  public CacheWrite {
    keyParts = List.copyOf(keyParts);
    tags = List.copyOf(tags);
  }

  /** The parts of the key that carry values, in order. */
  public List<KeyPart.Value> keyValues() {
    return keyParts.stream()
        .filter(KeyPart.Value.class::isInstance)
        .map(KeyPart.Value.class::cast)
        .toList();
  }

  /** Whether the delegate is called later, through {@link #queue()}. */
  public boolean isBehind() {
    return queue.isPresent();
  }
}
