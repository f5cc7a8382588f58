package dev.cachegen.runtime.internal;

import dev.cachegen.runtime.WriteBehindStats;

/**
 * The queue behind one {@code @WriteBehind} method: {@link #enqueue} records a call and returns at
 * once; the runtime applies it to the delegate later, in order, retrying with backoff and moving it
 * to a dead-letter list after the last failed attempt.
 *
 * <p><b>With Redis</b> the queue is a Redis Stream read by a consumer group: a call that {@code
 * enqueue} accepted survives a crash of this JVM (even {@code kill -9}) and is applied by this
 * runtime after a restart, or by another runtime with the same key prefix, once it has been pending
 * for {@code writeBehindClaimAfter}. Calls are applied exactly once in the normal case and <em>at
 * least once</em> across crashes: a JVM that dies after the delegate returned but before the call
 * was acknowledged leaves it to be applied again. The delegate's write must therefore be idempotent
 * (an upsert, a versioned update), which most cache-backed writes are. When Redis cannot take the
 * call, it is applied in the caller's thread instead, so nothing is lost on the way in. Calls
 * waiting in Redis survive a restart of Redis only as far as its persistence keeps them (the
 * append-only file with {@code appendfsync everysec} or {@code always}); the README states the
 * contract case by case.
 *
 * <p><b>In memory</b> the queue is a bounded queue in this JVM: it is drained by {@link
 * dev.cachegen.runtime.CacheRuntime#close()} but <em>not durable</em>: calls still queued when the
 * JVM dies are lost. When it is full, the call is applied in the caller's thread (back-pressure).
 *
 * @param <C> the recorded call's type
 */
public interface WriteBehindQueue<C> {

  /** The queue's name. */
  String name();

  /** Queues {@code call}; returns once it is recorded (in Redis, or in memory). */
  default void enqueue(C call) {
    enqueue(null, call);
  }

  /**
   * Queues {@code call} for the key {@code coalesceKey}: with coalescing on, a call is skipped when
   * a later call of the same key was queued before it was applied.
   */
  void enqueue(String coalesceKey, C call);

  /** The queue's counters, depth and lag (with Redis, reading depth and lag asks Redis). */
  WriteBehindStats stats();
}
