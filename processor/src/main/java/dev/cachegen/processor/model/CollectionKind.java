package dev.cachegen.processor.model;

/**
 * The declared type of a bulk method's key parameter, which decides how a {@code Collection} of
 * keys handed over by the runtime is passed on to the delegate.
 */
public enum CollectionKind {
  /** {@code Collection<K>}: the runtime's collection is passed as it is. */
  COLLECTION,
  /** {@code List<K>}: copied into an {@code ArrayList}, in the runtime's order. */
  LIST,
  /** {@code Set<K>}: copied into a {@code LinkedHashSet}, in the runtime's order. */
  SET
}
