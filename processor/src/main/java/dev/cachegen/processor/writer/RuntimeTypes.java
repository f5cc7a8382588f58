package dev.cachegen.processor.writer;

import com.palantir.javapoet.ClassName;

/**
 * The runtime types generated code names. Spelled out rather than referenced by class, since the
 * processor does not depend on the runtime.
 */
final class RuntimeTypes {
  private static final String PACKAGE = "dev.cachegen.runtime";

  static final ClassName BATCHER = ClassName.get(PACKAGE, "Batcher");
  static final ClassName CACHE_DEFINITION = ClassName.get(PACKAGE, "CacheDefinition");
  static final ClassName CACHE_ENTRY = ClassName.get(PACKAGE, "CacheEntry");
  static final ClassName CACHE_RUNTIME = ClassName.get(PACKAGE, "CacheRuntime");
  static final ClassName KEYS = ClassName.get(PACKAGE, "Keys");
  static final ClassName TAGS = ClassName.get(PACKAGE, "Tags");
  static final ClassName TIERED_CACHE = ClassName.get(PACKAGE, "TieredCache");
  static final ClassName TYPES = ClassName.get(PACKAGE, "Types");
  static final ClassName VALUES = ClassName.get(PACKAGE, "Values");
  static final ClassName WRITE_BEHIND_DEFINITION = ClassName.get(PACKAGE, "WriteBehindDefinition");
  static final ClassName WRITE_BEHIND_QUEUE = ClassName.get(PACKAGE, "WriteBehindQueue");
  static final ClassName HTTP_CACHE_POLICY = ClassName.get(PACKAGE + ".http", "HttpCachePolicy");
  static final ClassName ETAG = ClassName.get("dev.cachegen.annotations", "ETag");
  static final ClassName STAMPEDE_POLICY =
      ClassName.get("dev.cachegen.annotations", "StampedePolicy");
  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

  private RuntimeTypes() {}
}
