package dev.cachegen.processor.writer;

import com.palantir.javapoet.ClassName;

/**
 * The runtime types generated code names: {@code CacheRuntime}, which the decorator's constructor
 * takes, the HTTP policy type, and otherwise only the runtime's contract package for generated
 * code, {@code dev.cachegen.runtime.internal}. Spelled out rather than referenced by class, since
 * the processor does not depend on the runtime.
 */
final class RuntimeTypes {
  private static final String API = "dev.cachegen.runtime";
  private static final String PACKAGE = API + ".internal";

  /** Reactor's publishers, named by generated code for methods that return them. */
  static final ClassName MONO = ClassName.get("reactor.core.publisher", "Mono");

  static final ClassName FLUX = ClassName.get("reactor.core.publisher", "Flux");

  static final ClassName BATCHER = ClassName.get(PACKAGE, "Batcher");
  static final ClassName CACHE_DEFINITION = ClassName.get(PACKAGE, "CacheDefinition");
  static final ClassName CACHE_ENTRY = ClassName.get(PACKAGE, "CacheEntry");
  static final ClassName CACHE_RUNTIME = ClassName.get(API, "CacheRuntime");
  static final ClassName DECORATOR_FACTORY = ClassName.get(PACKAGE, "DecoratorFactory");
  static final ClassName KEYS = ClassName.get(PACKAGE, "Keys");
  static final ClassName LAZY_MONO = ClassName.get(PACKAGE, "LazyMono");
  static final ClassName TAGS = ClassName.get(PACKAGE, "Tags");
  static final ClassName CACHE = ClassName.get(PACKAGE, "Cache");
  static final ClassName TYPES = ClassName.get(PACKAGE, "Types");
  static final ClassName VALUES = ClassName.get(PACKAGE, "Values");
  static final ClassName WRITE_BEHIND_DEFINITION = ClassName.get(PACKAGE, "WriteBehindDefinition");
  static final ClassName WRITE_BEHIND_QUEUE = ClassName.get(PACKAGE, "WriteBehindQueue");
  static final ClassName HTTP_CACHE_POLICY = ClassName.get(API + ".http", "HttpCachePolicy");
  static final ClassName ETAG = ClassName.get("dev.cachegen.annotations", "ETag");
  static final ClassName STAMPEDE_POLICY =
      ClassName.get("dev.cachegen.annotations", "StampedePolicy");
  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

  private RuntimeTypes() {}
}
