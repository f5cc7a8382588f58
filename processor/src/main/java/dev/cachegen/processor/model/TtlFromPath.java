package dev.cachegen.processor.model;

/**
 * A checked {@code @Cached(ttlFrom = ...)}: the path over the result that gives each value its own
 * time to live.
 *
 * @param text the attribute as written
 * @param path the value read, from the result, of type {@code Instant}, {@code Duration}, {@code
 *     long} or {@code Long}; the runtime's {@code Values.ttlMillis} overloads take each
 */
public record TtlFromPath(String text, KeyPart.Value path) {}
