/**
 * The shared tier as the caches see it ({@link dev.cachegen.runtime.shared.SharedTier}, with its
 * failure type and circuit breaker), every Redis key ({@link
 * dev.cachegen.runtime.shared.KeySpace}), and coherence between runtimes ({@link
 * dev.cachegen.runtime.shared.Coherence}, {@link dev.cachegen.runtime.shared.CoherenceEvent}).
 * Knows no cache and no Redis client. Internal to the module.
 */
package dev.cachegen.runtime.shared;
