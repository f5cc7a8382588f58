package dev.cachegen.runtime;

/**
 * A write-behind call that failed on every attempt, kept for inspection and replay ({@link
 * CacheRuntime#deadLetters(String)}, {@link CacheRuntime#replayDeadLetters(String)}).
 *
 * @param id the dead letter's id in its queue
 * @param queue the queue's name
 * @param call the recorded call as the codec wrote it (JSON with the default codec)
 * @param error the last failure, as {@code Throwable.toString()}
 * @param attempts how often it was tried
 * @param enqueuedAtMillis when the call was first queued, epoch milliseconds
 */
public record DeadLetter(
    String id, String queue, String call, String error, int attempts, long enqueuedAtMillis) {}
