package dev.cachegen.processor.validation;

import java.util.List;

/** The qualified names of cachegen's annotations: the processor reads them by name only. */
public final class AnnotationNames {
  public static final String CACHED = "dev.cachegen.annotations.Cached";
  public static final String CACHE_KEY = "dev.cachegen.annotations.CacheKey";
  public static final String WRITE_THROUGH = "dev.cachegen.annotations.WriteThrough";
  public static final String WRITE_BEHIND = "dev.cachegen.annotations.WriteBehind";
  public static final String INVALIDATE = "dev.cachegen.annotations.Invalidate";
  public static final String INVALIDATE_LIST = "dev.cachegen.annotations.Invalidate.List";
  public static final String INVALIDATE_TAGS = "dev.cachegen.annotations.InvalidateTags";
  public static final String CACHE_CONTROL = "dev.cachegen.annotations.CacheControl";

  /** Every annotation that makes a type need a decorator (or an error), in a fixed order. */
  public static final List<String> ALL =
      List.of(
          CACHED,
          CACHE_KEY,
          WRITE_THROUGH,
          WRITE_BEHIND,
          INVALIDATE,
          INVALIDATE_LIST,
          INVALIDATE_TAGS,
          CACHE_CONTROL);

  private AnnotationNames() {}
}
