/**
 * The contract between generated decorators and the runtime, as {@code dagger.internal} is for
 * Dagger: public so that generated classes in any package and module can call it, small and kept
 * stable across releases, and not meant for application code, which uses {@code
 * dev.cachegen.runtime}. A decorator obtains one {@link dev.cachegen.runtime.internal.Cache} per
 * cache from {@code CacheRuntime.cache(CacheDefinition)} and calls it as the interface's Javadoc
 * shows.
 */
package dev.cachegen.runtime.internal;
