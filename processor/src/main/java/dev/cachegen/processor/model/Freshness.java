package dev.cachegen.processor.model;

import java.util.Optional;

/**
 * What a cache does around an entry's expiry: early refresh before it, stale windows after it.
 *
 * @param earlyRefresh the XFetch beta, {@code 0} when off, else positive and finite
 * @param staleWhileRevalidate how long past expiry an entry is served while it reloads, if at all
 * @param staleIfError how long past expiry an entry is served when its reload fails, if at all
 */
public record Freshness(
    double earlyRefresh, Optional<CacheTtl> staleWhileRevalidate, Optional<CacheTtl> staleIfError) {

  /** No early refresh, no stale windows: an entry is fresh until it expires, then gone. */
  public static final Freshness NONE = new Freshness(0, Optional.empty(), Optional.empty());

  /**
   * Whether an in-process hit must ask the runtime before it answers: the runtime's {@code
   * CacheDefinition.checksFreshness()}, known here at compile time.
   */
  public boolean isChecked() {
    return earlyRefresh > 0 || staleWhileRevalidate.isPresent() || staleIfError.isPresent();
  }
}
