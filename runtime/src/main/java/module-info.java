/**
 * cachegen's runtime. Three packages are exported:
 *
 * <ul>
 *   <li>{@code dev.cachegen.runtime}: what applications use, {@code CacheRuntime} and its builder,
 *       the codec, warming, statistics and the stampede policies;
 *   <li>{@code dev.cachegen.runtime.http}: HTTP caching (Cache-Control, ETag, 304) for handlers;
 *   <li>{@code dev.cachegen.runtime.internal}: the contract that generated decorators call. Public
 *       so that generated classes in any module can reach it, not meant for application code.
 * </ul>
 *
 * <p>Everything else (the tiered read and write machinery, the shared tier and coherence,
 * write-behind, the Redis client code and the metrics binding) is internal to this module. {@code
 * docs/ARCHITECTURE.md} in the repository describes the layers.
 */
module dev.cachegen.runtime {
  requires transitive dev.cachegen.annotations;
  requires transitive com.fasterxml.jackson.databind; // JacksonCodec.using(ObjectMapper)
  requires com.github.benmanes.caffeine;
  requires com.fasterxml.jackson.datatype.jsr310;
  requires com.fasterxml.jackson.datatype.jdk8;
  requires com.fasterxml.jackson.dataformat.smile; // ValueFormat.SMILE
  requires com.fasterxml.jackson.dataformat.cbor; // ValueFormat.CBOR
  requires org.slf4j;
  requires redis.clients.jedis;
  requires transitive jdk.httpserver; // JdkHttpCacheHandler
  // Optional: an application that calls Builder.meterRegistry or uses HttpCacheServlet requires
  // them itself. Not transitive, or every application would need them to compile (ModulePathTest).
  requires static jakarta.servlet;
  requires static micrometer.core;
  // Optional: an application that chooses Compression.LZ4 or ZSTD adds the library and, on the
  // module path, requires it (or passes --add-modules); without it such entries read as misses.
  requires static org.lz4.java;
  requires static com.github.luben.zstd_jni;
  requires static reactor.core; // LazyMono, for decorators of methods that return Mono

  exports dev.cachegen.runtime;
  exports dev.cachegen.runtime.http;
  exports dev.cachegen.runtime.internal;

  // Decorators.decorate finds the generated factories; a modular application declares
  // `provides dev.cachegen.runtime.internal.DecoratorFactory with ...CachedX_Factory;`.
  uses dev.cachegen.runtime.internal.DecoratorFactory;
}
