/**
 * What applications use: {@link dev.cachegen.runtime.CacheRuntime} and its builder, created once
 * and handed to every generated decorator; the {@link dev.cachegen.runtime.Codec}; {@link
 * dev.cachegen.runtime.Warmup}; statistics ({@link dev.cachegen.runtime.RuntimeStats}); and the
 * stampede timeout policy. Generated code calls {@code dev.cachegen.runtime.internal}; the other
 * packages of the module are internal. {@code docs/ARCHITECTURE.md} in the repository draws the
 * layers.
 */
package dev.cachegen.runtime;
