package dev.cachegen.processor.model;

/**
 * The write-behind queue of one {@code @WriteBehind} method. Its calls are records of the method's
 * parameters.
 *
 * @param name the queue's name, such as {@code ItemService.rename}
 * @param maxAttempts attempts before a call becomes a dead letter, at least 1
 * @param coalesce whether only the latest queued call of a key is applied
 */
public record WriteQueue(String name, int maxAttempts, boolean coalesce) {}
