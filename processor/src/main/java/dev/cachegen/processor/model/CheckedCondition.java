package dev.cachegen.processor.model;

/**
 * A {@code condition} or {@code unless} of a {@code @Cached} method, as written and as checked.
 *
 * @param text the attribute as written, for Javadoc and for comparing methods that share a cache
 * @param expression what the writer turns into a Java boolean expression
 */
public record CheckedCondition(String text, Condition expression) {}
