package dev.cachegen.runtime.internal;

import java.util.Optional;

/** Small conversions generated code needs around cached values. */
public final class Values {
  private Values() {}

  /**
   * The value inside {@code answer}, or {@code null} when it is empty. A delegate that returns a
   * {@code null} {@code Optional} is treated as having returned an empty one.
   */
  public static <T> T orNull(Optional<T> answer) {
    return answer == null ? null : answer.orElse(null);
  }
}
