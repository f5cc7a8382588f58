package dev.cachegen.runtime;

/**
 * Counts and gauges of one write-behind queue.
 *
 * @param name the queue's name
 * @param durable whether the queue lives in Redis (survives a crash) or in this JVM's memory
 * @param enqueued calls queued by this runtime
 * @param applied calls this runtime applied to the delegate
 * @param retries failed attempts that were tried again
 * @param deadLettered calls this runtime gave up on after the last attempt
 * @param coalesced calls skipped because a later call of the same key was queued
 * @param appliedSynchronously calls applied in the caller's thread because the queue could not take
 *     them (Redis down, or the in-memory queue full)
 * @param depth calls waiting now (all runtimes, for a Redis queue)
 * @param lagMillis age of the oldest waiting call, or {@code 0} when none waits
 */
public record WriteBehindStats(
    String name,
    boolean durable,
    long enqueued,
    long applied,
    long retries,
    long deadLettered,
    long coalesced,
    long appliedSynchronously,
    long depth,
    long lagMillis) {}
