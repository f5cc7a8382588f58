package dev.cachegen.processor.model;

/**
 * A checked {@code @CacheControl(maxAgeFromTtl = true)} on a {@code @Cached} method with a {@code
 * ttlFrom}: {@code max-age} is the time the served value has left, read as the cache reads it.
 *
 * @param ttlFrom the method's {@code ttlFrom}, which gives each value its time to live
 * @param longest the method's {@code ttl}, the longest any entry lives
 */
public record MaxAgeFromTtl(TtlFromPath ttlFrom, CacheTtl longest) {}
