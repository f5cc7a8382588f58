package dev.cachegen.tests.chaos;

import dev.cachegen.annotations.Cached;
import dev.cachegen.annotations.Invalidate;
import dev.cachegen.annotations.WriteBehind;
import dev.cachegen.annotations.WriteThrough;

/**
 * What the chaos suite's JVMs call through their generated decorator ({@code CachedVersionStore}):
 * a store of per-key versions that only ever grow, so that a read's answer can be judged against
 * the writes that returned before it started.
 */
public interface VersionStore {
  /** The version of {@code key} that a read saw or a write made. */
  record Versioned(String key, long version) {}

  /** A write-behind call, identified so that the suite can find it applied (or lost). */
  record Call(String id) {}

  /** The current version of {@code key}; 0 before its first write. */
  @Cached(name = "chaos.values", key = "{key}", ttl = "5m", localTtl = "1m")
  Versioned read(String key);

  /** Makes the next version of {@code key} and caches it (write-through). */
  @WriteThrough(name = "chaos.values", key = "{key}")
  Versioned write(String key);

  /** Makes the next version of {@code key} and evicts the cached one; returns the new version. */
  @Invalidate(name = "chaos.values", key = "{key}")
  long bump(String key);

  /** Records {@code call} in the database later (write-behind). */
  @WriteBehind(name = "chaos.calls", key = "{call.id}", value = "call")
  void record(Call call);

  /** The call recorded as {@code id}, if any. */
  @Cached(name = "chaos.calls", key = "{id}", ttl = "1m")
  Call recorded(String id);
}
