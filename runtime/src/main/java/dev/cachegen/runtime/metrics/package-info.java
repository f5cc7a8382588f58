/**
 * Micrometer meters over the runtime's own counters, behind the {@link
 * dev.cachegen.runtime.metrics.RuntimeObserver} null object so that Micrometer stays optional.
 * Internal to the module.
 */
package dev.cachegen.runtime.metrics;
