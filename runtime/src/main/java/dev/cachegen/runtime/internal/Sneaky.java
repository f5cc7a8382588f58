package dev.cachegen.runtime.internal;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Rethrows a delegate's exception unchanged, checked or not. */
public final class Sneaky {
  private Sneaky() {}

  /**
   * Throws {@code failure} without wrapping. Generated methods declare exactly the exceptions of
   * the interface method, and a delegate can only throw those (or unchecked ones), so the caller
   * sees what a direct call would have thrown.
   */
  public static RuntimeException rethrow(Throwable failure) {
    throw Sneaky.<RuntimeException>uncheckedThrow(failure);
  }

  /**
   * Removes the wrappers that {@code CompletableFuture} adds around a failure, and the {@link
   * LoadFailure} that carries a synchronous load's failure to the callers waiting for it.
   */
  public static Throwable unwrap(Throwable failure) {
    Throwable current = failure;
    while ((current instanceof CompletionException || current instanceof ExecutionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current instanceof LoadFailure ? current.getCause() : current;
  }

  /**
   * Carries a delegate's failure through a shared future unchanged. Without it, a delegate that
   * itself threw a {@code CompletionException} would reach waiting callers as its cause.
   */
  public static final class LoadFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LoadFailure(Throwable failure) {
      super(failure.toString(), failure, false, false);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> T uncheckedThrow(Throwable failure) throws T {
    throw (T) failure;
  }
}
