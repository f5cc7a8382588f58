package dev.cachegen.benchmarks;

import dev.cachegen.annotations.Cached;
import dev.cachegen.annotations.StampedePolicy;

/**
 * The service of {@link MissBenchmark}: one lookup cached with the stampede lock (the default) and
 * without it, so that a cold miss can be measured both ways. Entries live a few seconds, enough for
 * no key to be read twice, short enough that Redis does not fill up during a run.
 */
public interface MissItems {

  /** A miss here takes the stampede lock around the load ({@code StampedePolicy.LOCK}). */
  @Cached(name = "lockedItems", ttl = "10s", localTtl = "10s")
  Item locked(long id);

  /** A miss here loads without the lock: a plain GET and SET. */
  @Cached(name = "unlockedItems", ttl = "10s", localTtl = "10s", stampede = StampedePolicy.NONE)
  Item unlocked(long id);
}
