package dev.cachegen.runtime;

import dev.cachegen.testing.Await;

/** Waiting on a runtime's own progress, for runtime tests. */
public final class TestRuntimes {
  private TestRuntimes() {}

  /**
   * Returns once {@code runtime} is subscribed to the invalidation events of its key prefix: from
   * then on it hears every other runtime's writes. (The first subscription drops the in-process
   * tier, which would otherwise race with a test's first load.)
   */
  public static CacheRuntime awaitSubscribed(CacheRuntime runtime) {
    Await.until(runtime + " to subscribe to events", () -> runtime.stats().localTierResets() >= 1);
    return runtime;
  }
}
