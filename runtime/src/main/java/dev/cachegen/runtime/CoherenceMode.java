package dev.cachegen.runtime;

/**
 * How runtimes that share a Redis keep their in-process tiers coherent (guarantee G5 in {@code
 * docs/ARCHITECTURE.md}); chosen with {@link CacheRuntime.Builder#coherence}. Every runtime on one
 * key prefix must be able to hear every other's writes: mix {@link #EVENTS} and {@link
 * #EVENTS_AND_TRACKING} freely, but a runtime in {@link #EVENTS} mode does not hear a {@link
 * #TRACKING} runtime's writes.
 */
public enum CoherenceMode {
  /**
   * cachegen's own events (the default): each write, eviction and invalidation publishes one
   * message on the prefix's channel, and the other runtimes apply it. Cheapest on reads and loads,
   * but blind to changes made outside cachegen: a {@code SET} or {@code DEL} by another service or
   * a {@code redis-cli} user, or an expiry in Redis, reaches no in-process tier before its {@code
   * localTtl} ends.
   */
  EVENTS,

  /**
   * Server-assisted invalidation: Redis 6 or newer reports every change of a key of the prefix, by
   * whichever client, and every expiry, eviction and flush ({@code CLIENT TRACKING ON REDIRECT <id>
   * BCAST PREFIX <prefix>:} on the runtime's subscription connection), and cachegen publishes no
   * events about invalidations (stampede wake-ups still go out). Writes from outside cachegen reach
   * the in-process tiers; in exchange every write reaches the writer too, which drops its own fresh
   * in-process entry and reads it once more from Redis, and a sliding cache, whose reads from Redis
   * reset the entry's time to live (a change Redis reports), keeps little in-process. Not on a
   * Redis Cluster (one connection hears one node); an invalidation that changes nothing in Redis (a
   * {@code DEL} of a key it does not hold, such as one above {@code maxValueBytes} kept only
   * in-process) reaches no other runtime before its {@code localTtl} ends.
   */
  TRACKING,

  /**
   * Both: events and server-assisted invalidation, so that nothing {@link #EVENTS} covers is lost
   * and changes from outside cachegen are seen too, at the cost of both. The mode to migrate
   * through, and the one to choose when some runtimes of the prefix stay in {@link #EVENTS}.
   */
  EVENTS_AND_TRACKING;

  boolean publishesEvents() {
    return this != TRACKING;
  }

  boolean tracks() {
    return this != EVENTS;
  }
}
