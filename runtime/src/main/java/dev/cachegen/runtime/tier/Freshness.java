package dev.cachegen.runtime.tier;

/** Where an entry stands relative to its expiry and its cache's stale windows. */
enum Freshness {
  /** Before its expiry. */
  FRESH,
  /** Past expiry, within stale-while-revalidate: serve it, reload in the background. */
  REVALIDATE,
  /** Past expiry, within stale-if-error only: reload now, serve it if the reload fails. */
  IF_ERROR,
  /** Past every window: a miss. */
  EXPIRED
}
