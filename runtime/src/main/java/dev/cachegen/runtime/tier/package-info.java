/**
 * The tiered read and write machinery behind {@link dev.cachegen.runtime.internal.Cache}: {@link
 * dev.cachegen.runtime.tier.TieredCache} orchestrates, one concern per class. Knows neither Jedis,
 * write-behind nor metrics (held by {@code RuntimeLayeringTest}). Internal to the module.
 */
package dev.cachegen.runtime.tier;
