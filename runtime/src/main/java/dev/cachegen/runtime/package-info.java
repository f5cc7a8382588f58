/**
 * The runtime that cachegen's generated decorators call. Applications create a {@link
 * dev.cachegen.runtime.CacheRuntime} and pass it to each decorator's constructor; the other public
 * types are what generated code names ({@link dev.cachegen.runtime.TieredCache}, {@link
 * dev.cachegen.runtime.CacheDefinition}, {@link dev.cachegen.runtime.Keys}, {@link
 * dev.cachegen.runtime.SharedKeyBuilder}, {@link dev.cachegen.runtime.Types}) and the statistics.
 */
package dev.cachegen.runtime;
