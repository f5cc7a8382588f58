package dev.cachegen.runtime.internal;

/**
 * Builds tag texts, the labels that {@code @Cached(tags = ...)} attaches to entries and that {@link
 * dev.cachegen.runtime.CacheRuntime#invalidateTags} drops. A tag is written like a key: template
 * text, then each value in brackets, so {@code "owner:{owner.id}"} with owner 42 is {@code
 * owner:[42]}.
 *
 * <pre>{@code
 * runtime.invalidateTags(Tags.builder().literal("owner:").value(42L).build());
 * }</pre>
 */
public final class Tags {
  private Tags() {}

  /** A builder for one tag. */
  public static SharedKeyBuilder builder() {
    return new SharedKeyBuilder("");
  }
}
