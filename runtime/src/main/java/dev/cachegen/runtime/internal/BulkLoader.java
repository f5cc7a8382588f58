package dev.cachegen.runtime.internal;

import java.util.Collection;
import java.util.Map;

/**
 * Loads many keys with one call of the delegate, for bulk methods ({@code Map<K, V>
 * find(Collection<K> ids)}) and for batched single-key methods. Returns the values it found, by
 * key; a key it leaves out has no value.
 *
 * @param <K> the key
 * @param <V> the value
 */
@FunctionalInterface
public interface BulkLoader<K, V> {
  /** Loads {@code keys}; may throw whatever the delegate throws. */
  Map<K, V> loadAll(Collection<K> keys) throws Exception;
}
