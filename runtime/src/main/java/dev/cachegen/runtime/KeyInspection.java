package dev.cachegen.runtime;

import java.time.Duration;
import java.util.List;

/**
 * What each tier holds for one key of one cache, as {@link CacheRuntime#inspect} found it: for
 * operators who need to know why a caller sees the value it sees.
 *
 * @param cache the cache's name
 * @param key the whole shared key, as it is in Redis (prefix, cache name, shape, then the key)
 * @param local what this JVM's in-process tier holds
 * @param shared what Redis holds; {@link Tier#problem()} says why when it could not be asked
 */
public record KeyInspection(String cache, String key, Tier local, Tier shared) {

  /**
   * One tier's entry for the key.
   *
   * @param present whether the tier holds a current entry (one not invalidated by its cache's
   *     generation or its tags)
   * @param timeToLive how long the tier keeps the entry from now, {@code null} when it is absent or
   *     kept without a limit
   * @param tags the entry's tags, as {@code @Cached(tags = ...)} built them
   * @param sizeBytes in Redis, the bytes stored under the key (header and payload); in process, the
   *     value as the codec encodes it (the object's heap size is not measured); {@code 0} when
   *     absent
   * @param problem why the tier could not be asked, or {@code null}
   */
  public record Tier(
      boolean present, Duration timeToLive, List<String> tags, long sizeBytes, String problem) {
    /** A tier without an entry for the key. */
    public static final Tier ABSENT = new Tier(false, null, List.of(), 0, null);

    /** A tier that could not be asked, for {@code problem}. */
    public static Tier unknown(String problem) {
      return new Tier(false, null, List.of(), 0, problem);
    }
  }
}
