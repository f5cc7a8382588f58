package dev.cachegen.processor.model;

/**
 * The fingerprint of a cached value type's shape, part of every shared key so that an incompatible
 * change of the type after a deploy reads as a miss.
 *
 * @param fingerprint the first 8 hex digits of the SHA-256 of {@code description}
 * @param description the canonical description of the type, such as {@code
 *     com.acme.Item(id:long,name:java.lang.String)}
 */
public record Shape(String fingerprint, String description) {}
