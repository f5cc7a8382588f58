package dev.cachegen.runtime.shared;

import dev.cachegen.runtime.internal.CacheEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every JVM's in-process tier coherent with the others (guarantee G5 in {@code
 * docs/ARCHITECTURE.md}), and owns the versions behind tag and whole-cache invalidation.
 *
 * <p><b>Events.</b> A write, an eviction, a whole-cache invalidation or a tag invalidation is
 * published as a {@link CoherenceEvent} on {@link KeySpace#eventChannel()}; every other runtime
 * with the same prefix drops the affected in-process entries when the message arrives. Redis
 * pub/sub delivers to connected subscribers only, so a runtime that loses its subscription drops
 * its whole in-process tier, both when it notices the loss and again when it is subscribed again,
 * rather than serve what it may have missed.
 *
 * <p><b>Loads.</b> The owner of a stampede lock publishes {@link CoherenceEvent.Kind#LOCK_RELEASED}
 * as it stores its value and releases the lock, when a runtime marked that it waits, so that
 * callers in other JVMs waiting for that key look again at once instead of at their next poll.
 * These wake-ups are not invalidations and are not counted as events.
 *
 * <p><b>Versions.</b> Each tag has a counter in Redis ({@link KeySpace#tagKey}) and each cache a
 * generation ({@link KeySpace#generationKey}). An entry records the versions of its tags and its
 * cache's generation as they were before its value was loaded; it is current while they have not
 * moved. Invalidating a tag or a whole cache is one {@code INCR}: O(1), atomic, and independent of
 * where the entries live, which is what Redis Cluster needs. Versions are read from Redis once and
 * then kept up to date by the events. A counter is created with a time-based epoch and lives as
 * long as the entries that can refer to it; one that disappears (expired, evicted under {@code
 * allkeys-lru}, lost with Redis's data) comes back above every value it had, so no entry that
 * recorded an older value reads as current again.
 *
 * <p><b>Tracking.</b> Where asked, the subscription also has Redis report every change of a key of
 * the prefix, by anyone, and {@link TrackedChanges} applies the reports: writes from outside
 * cachegen, expiries and flushes then reach the in-process tiers as well. Then events about
 * invalidations may be left out ({@code publishesEvents} false), since the write itself is
 * reported; stampede wake-ups are still published.
 */
public final class Coherence implements SharedTier.Subscriber, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Coherence.class);

  /**
   * What a cache does when another runtime changed something; called on the subscription's thread.
   */
  public interface Listener {
    /** Another runtime wrote or evicted {@code sharedKey}. */
    void evictLocally(String sharedKey);

    /** Another runtime invalidated the whole cache; its generation is now {@code generation}. */
    void generationAdvanced(long generation);

    /**
     * Redis reported a change of the cache's generation counter, which now reads {@code
     * generation}: drop the in-process tier if that is not the generation known here.
     */
    void generationRead(long generation);

    /** Events may have been missed: drop every in-process entry. */
    void dropLocalTier();

    /** Another runtime released the stampede lock of {@code sharedKey}. */
    void lockReleasedElsewhere(String sharedKey);
  }

  /** How often owed invalidations are tried again while Redis does not take them. */
  static final long REPAIR_RETRY_MILLIS = 100;

  /** How long counters live when this runtime knows no cache: one day. */
  private static final long DEFAULT_COUNTER_LIFE_MILLIS = 86_400_000L;

  private final SharedTier shared;
  private final KeySpace keys;
  private final String channel;
  private final String nodeId = UUID.randomUUID().toString();
  private final Map<String, Listener> caches = new ConcurrentHashMap<>();

  private final EventSequences sequences = new EventSequences();

  private final LongAdder gaps = new LongAdder();
  private final Map<String, Long> lives = new ConcurrentHashMap<>();
  private final AtomicLong longestLife = new AtomicLong();
  private final TagVersions tagVersions;
  private final LongAdder eventsReceived = new LongAdder();
  private final LongAdder resets = new LongAdder();
  private final RepairLog repairs = new RepairLog();
  private final AtomicBoolean repairScheduled = new AtomicBoolean();
  private volatile boolean closed;
  private final boolean publishesEvents;
  private final TrackedChanges tracked;
  private final AutoCloseable subscription;

  /** Tracking ({@code tracks}) has Redis report changes; events may then be left out. */
  public Coherence(
      SharedTier shared, KeySpace keys, long maximumTags, boolean publishesEvents, boolean tracks) {
    this.shared = shared;
    this.keys = keys;
    this.channel = keys.eventChannel();
    this.publishesEvents = publishesEvents;
    this.tagVersions = new TagVersions(maximumTags);
    this.tracked = new TrackedChanges(shared, keys, caches, tagVersions);
    String trackedPrefix = tracks ? keys.trackedPrefix() : null;
    this.subscription =
        shared.isPresent() ? shared.subscribe(channel, trackedPrefix, this) : () -> {};
  }

  /**
   * Sends the events of cache {@code cacheName} to {@code listener}. {@code lifeMillis} is the
   * longest an entry of the cache lives in Redis (its ttl plus its stale windows): version counters
   * that its entries refer to live at least that long.
   */
  public void register(String cacheName, Listener listener, long lifeMillis) {
    caches.put(cacheName, listener);
    lives.put(cacheName, lifeMillis);
    longestLife.accumulateAndGet(lifeMillis, Math::max);
  }

  private long lifeOf(String cacheName) {
    Long life = lives.get(cacheName);
    return life != null ? life : tagLife();
  }

  /** Tags are shared by caches: their counters live as long as the longest-lived entries. */
  private long tagLife() {
    long longest = longestLife.get();
    return longest > 0 ? longest : DEFAULT_COUNTER_LIFE_MILLIS;
  }

  /** How many events from other runtimes were applied; for tests and statistics. */
  public long eventsReceived() {
    return eventsReceived.sum();
  }

  /** The key of the last change reported by Redis (client tracking) and applied; for tests. */
  public String lastTrackedChange() {
    return tracked.last();
  }

  /** How often the in-process tiers were dropped because events may have been missed. */
  public long resets() {
    return resets.sum();
  }

  // ---- generations ------------------------------------------------------------------------

  /** The cache's generation as Redis has it, or {@link CacheEntry#UNKNOWN_GENERATION}. */
  public long readGeneration(String cacheName) {
    if (!shared.isPresent()) {
      return 0;
    }
    try {
      return shared.readCounter(
          keys.generationKey(cacheName), VersionCounters.epoch(), lifeOf(cacheName));
    } catch (SharedTierException e) {
      return CacheEntry.UNKNOWN_GENERATION;
    }
  }

  /** Moves the cache's generation on, everywhere; returns the new one. */
  public long advanceGeneration(String cacheName, long localGeneration) {
    if (!shared.isPresent()) {
      return localGeneration + 1;
    }
    try {
      long generation =
          shared.incrementCounter(
              keys.generationKey(cacheName), VersionCounters.epoch(), lifeOf(cacheName));
      publish(CoherenceEvent.Kind.GENERATION_ADVANCED, cacheName, "", generation);
      return generation;
    } catch (SharedTierException e) {
      repairs.logFailure("invalidate all entries of " + cacheName, e);
      repairs.generation(cacheName);
      scheduleRepair();
      return CacheEntry.UNKNOWN_GENERATION;
    }
  }

  // ---- tags -------------------------------------------------------------------------------

  /**
   * The current version of each tag, read from Redis where this runtime does not know it yet. Taken
   * before a load, so that an invalidation during the load makes the loaded entry stale.
   */
  public long[] currentVersions(String[] tags) {
    long[] versions = new long[tags.length];
    List<Integer> unknown = new ArrayList<>();
    for (int i = 0; i < tags.length; i++) {
      Long known = tagVersions.known(tags[i]);
      if (known != null) {
        versions[i] = known;
      } else if (!shared.isPresent()) {
        versions[i] = tagVersions.local(tags[i]);
      } else {
        unknown.add(i);
      }
    }
    for (int i : unknown) {
      try {
        long version = shared.readCounter(keys.tagKey(tags[i]), VersionCounters.epoch(), tagLife());
        versions[i] = tagVersions.learn(tags[i], version);
      } catch (SharedTierException e) {
        versions[i] = CacheEntry.UNKNOWN_GENERATION;
      }
    }
    return versions;
  }

  /** Whether no tag of {@code entry} was invalidated since its value was loaded. */
  public boolean tagsAreCurrent(CacheEntry<?> entry) {
    return tagVersions.areCurrent(entry);
  }

  /** Invalidates every entry, in every cache and every JVM, that carries one of {@code tags}. */
  public void invalidateTags(String... tags) {
    for (String tag : tags) {
      if (!shared.isPresent()) {
        tagVersions.advanceLocally(tag);
        continue;
      }
      try {
        long version =
            shared.incrementCounter(keys.tagKey(tag), VersionCounters.epoch(), tagLife());
        tagVersions.learn(tag, version);
        publish(CoherenceEvent.Kind.TAG_INVALIDATED, "", tag, version);
      } catch (SharedTierException e) {
        // Redis is unreachable: no other JVM can be told. Here, forget the version so that every
        // entry carrying the tag reads as stale until Redis answers again.
        tagVersions.forget(tag);
        repairs.logFailure("invalidate tag " + tag, e);
        repairs.tag(tag);
        scheduleRepair();
      }
    }
  }

  // ---- keys -------------------------------------------------------------------------------

  /** Tells the other runtimes to drop {@code sharedKey} of {@code cacheName} from their L1. */
  public void keyChanged(String cacheName, String sharedKey) {
    if (shared.isPresent()) {
      try {
        publish(CoherenceEvent.Kind.KEY_CHANGED, cacheName, sharedKey, 0);
      } catch (SharedTierException e) {
        repairs.logFailure("tell other JVMs that " + sharedKey + " changed", e);
        owe(cacheName, sharedKey);
      }
    }
  }

  /** The channel every event of this runtime's prefix goes to. */
  public String channel() {
    return channel;
  }

  /**
   * The {@link CoherenceEvent.Kind#LOCK_RELEASED} event of cache {@code cacheName} without its key,
   * which is the event's last field: the owner of a stampede lock sends it followed by the entry
   * key from inside the script that releases the lock ({@link SharedTier#storeAndUnlock}), and only
   * when another runtime waits. Wake-ups are not numbered, so one text serves every release.
   */
  public String lockReleasedPrefix(String cacheName) {
    return new CoherenceEvent(nodeId, 0, CoherenceEvent.Kind.LOCK_RELEASED, cacheName, "", 0)
        .encode();
  }

  // ---- repairs ----------------------------------------------------------------------------

  /**
   * The Redis side of a write or an eviction of {@code sharedKey} failed: Redis may still hold the
   * value it replaced, and other runtimes were not told. Owed until {@link #repaired()} deletes the
   * key and publishes the event.
   */
  public void owe(String cacheName, String sharedKey) {
    if (shared.isPresent()) {
      repairs.key(cacheName, sharedKey);
      scheduleRepair();
    }
  }

  /**
   * Whether this runtime owes Redis no invalidation, applying what it owes first when it does. The
   * caches call it before they read Redis, so that a runtime never serves from Redis a value that
   * one of its own writes replaced (guarantee G5 in {@code docs/ARCHITECTURE.md}). One volatile
   * read when nothing is owed.
   */
  public boolean repaired() {
    return !repairs.owed() || repairNow();
  }

  /** How many invalidations this runtime owes Redis now. */
  public int owedRepairs() {
    return repairs.size();
  }

  /** Applies what is owed, oldest kind first; stops at the first failure. */
  private synchronized boolean repairNow() {
    if (!repairs.owed()) {
      return true;
    }
    try {
      for (String cacheName : repairs.generations()) {
        long generation =
            shared.incrementCounter(
                keys.generationKey(cacheName), VersionCounters.epoch(), lifeOf(cacheName));
        publish(CoherenceEvent.Kind.GENERATION_ADVANCED, cacheName, "", generation);
        Listener cache = caches.get(cacheName);
        if (cache != null) {
          cache.generationAdvanced(generation);
        }
        repairs.generations().remove(cacheName);
      }
      for (String tag : repairs.tags()) {
        long version =
            shared.incrementCounter(keys.tagKey(tag), VersionCounters.epoch(), tagLife());
        tagVersions.learn(tag, version);
        publish(CoherenceEvent.Kind.TAG_INVALIDATED, "", tag, version);
        repairs.tags().remove(tag);
      }
      for (Map.Entry<String, String> owed : repairs.keys().entrySet()) {
        shared.delete(owed.getKey());
        publish(CoherenceEvent.Kind.KEY_CHANGED, owed.getValue(), owed.getKey(), 0);
        repairs.keys().remove(owed.getKey(), owed.getValue());
      }
    } catch (SharedTierException e) {
      log.debug("cachegen: {} repairs still owed to {}", repairs.size(), shared.describe(), e);
      return false;
    }
    repairs.settle();
    if (!repairs.owed()) {
      log.info("cachegen: applied the invalidations owed to {}", shared.describe());
    }
    return !repairs.owed();
  }

  /** Tries the repairs again every {@link #REPAIR_RETRY_MILLIS} until they are done. */
  private void scheduleRepair() {
    if (closed || !repairScheduled.compareAndSet(false, true)) {
      return;
    }
    CompletableFuture.delayedExecutor(REPAIR_RETRY_MILLIS, TimeUnit.MILLISECONDS)
        .execute(
            () -> {
              repairScheduled.set(false);
              if (!closed && !repaired()) {
                scheduleRepair();
              }
            });
  }

  // ---- events -----------------------------------------------------------------------------

  private void publish(CoherenceEvent.Kind kind, String cacheName, String key, long version) {
    if (!publishesEvents && kind != CoherenceEvent.Kind.LOCK_RELEASED) {
      return; // tracking: Redis reports the change itself
    }
    // Numbered before it is sent: an event that fails to go out leaves a gap its receivers see.
    long sequence = sequences.next(CoherenceEvent.scope(kind, cacheName));
    shared.publish(
        channel, new CoherenceEvent(nodeId, sequence, kind, cacheName, key, version).encode());
  }

  /** Events of {@code event}'s publisher and scope were missed: drop exactly what they touched. */
  private void missed(CoherenceEvent event) {
    gaps.increment();
    if (event.kind() == CoherenceEvent.Kind.TAG_INVALIDATED) {
      tagVersions.forgetAll(); // read again from Redis: entries with older versions are stale
      log.debug("cachegen: missed tag events of {}; tag versions forgotten", event.publisher());
      return;
    }
    Listener cache = caches.get(event.cache());
    if (cache != null) {
      cache.dropLocalTier();
    }
    log.debug(
        "cachegen: missed events of {} about {}; its in-process entries dropped",
        event.publisher(),
        event.cache());
  }

  /** How many gaps in other runtimes' event sequences this runtime noticed. */
  public long gaps() {
    return gaps.sum();
  }

  @Override
  public void subscribed() {
    scheduleRepair(); // the path to Redis works again
    dropEverything("subscribed to " + channel);
  }

  @Override
  public void disconnected(Throwable cause) {
    dropEverything("lost the subscription to " + channel + ": " + cause);
  }

  @Override
  public void message(String message) {
    CoherenceEvent event;
    try {
      event = CoherenceEvent.decode(message);
    } catch (IllegalArgumentException e) {
      log.warn(
          "cachegen: ignoring a malformed event on {} ({}): {}", channel, e.getMessage(), message);
      return;
    }
    if (event.publisher().equals(nodeId)) {
      return; // our own event: already applied here
    }
    if (!sequences.follows(event)) {
      missed(event);
    }
    Listener cache = caches.get(event.cache());
    switch (event.kind()) {
      case KEY_CHANGED:
        if (cache != null) {
          cache.evictLocally(event.key());
        }
        break;
      case GENERATION_ADVANCED:
        if (cache != null) {
          cache.generationAdvanced(event.version());
        }
        break;
      case TAG_INVALIDATED:
        tagVersions.learn(event.key(), event.version());
        break;
      case LOCK_RELEASED:
        if (cache != null) {
          cache.lockReleasedElsewhere(event.key());
        }
        return; // a wake-up, not an invalidation: tests count invalidation events only
    }
    eventsReceived.increment(); // after applying it: tests wait on this count
  }

  /**
   * A failover: the new master may lack writes the old one acknowledged, so entries they replaced
   * may be back. Every cache owes a new generation (G5), taken on the new master now or else before
   * this runtime reads Redis again ({@link #repaired()}), and announced: every entry stored before
   * reads as a miss. The in-process tier goes too, with the versions known from the old master.
   */
  @Override
  public void serverReplaced(String why) {
    for (String cacheName : caches.keySet()) {
      repairs.generation(cacheName);
    }
    dropEverything(why);
    if (!repaired()) {
      scheduleRepair();
    }
  }

  @Override
  public void changeReported(String key) {
    tracked.changed(key);
  }

  @Override
  public void flushReported() {
    dropEverything("Redis reported that its data was flushed");
  }

  private void dropEverything(String why) {
    sequences.forget(); // counting starts again with the next event of each publisher
    tagVersions.forgetAll();
    for (Listener cache : caches.values()) {
      cache.dropLocalTier();
    }
    resets.increment(); // after dropping: tests wait on this count
    log.debug("cachegen: dropped every in-process entry: {}", why);
  }

  @Override
  public void close() {
    closed = true;
    if (repairs.owed() && !repairNow()) {
      log.warn(
          "cachegen: closing with {} invalidations still owed to {}: other runtimes may serve the"
              + " values they replaced from Redis until those entries' ttl ends",
          repairs.size(),
          shared.describe());
    }
    try {
      subscription.close();
    } catch (Exception e) {
      log.debug("cachegen: closing the event subscription failed", e);
    }
  }
}
