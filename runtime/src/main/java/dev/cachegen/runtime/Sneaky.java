package dev.cachegen.runtime;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Rethrows a delegate's exception unchanged, checked or not. */
final class Sneaky {
  private Sneaky() {}

  /**
   * Throws {@code failure} without wrapping. Generated methods declare exactly the exceptions of
   * the interface method, and a delegate can only throw those (or unchecked ones), so the caller
   * sees what a direct call would have thrown.
   */
  static RuntimeException rethrow(Throwable failure) {
    throw Sneaky.<RuntimeException>uncheckedThrow(unwrap(failure));
  }

  /** Removes the wrappers that {@code CompletableFuture} adds around a failure. */
  static Throwable unwrap(Throwable failure) {
    Throwable current = failure;
    while ((current instanceof CompletionException || current instanceof ExecutionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> T uncheckedThrow(Throwable failure) throws T {
    throw (T) failure;
  }
}
