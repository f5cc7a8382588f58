package dev.cachegen.processor.model;

/**
 * A duration known at compile time.
 *
 * @param nanos the duration in nanoseconds, positive
 * @param text how a person writes it, such as {@code 10m}, for a comment next to the constant
 */
public record CacheTtl(long nanos, String text) {}
