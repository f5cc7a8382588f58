package dev.cachegen.runtime.tier;

import static dev.cachegen.runtime.TestCaches.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.cachegen.runtime.internal.CacheDefinition;
import dev.cachegen.runtime.internal.CacheEntry;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, item 6: the shared-key index of the in-process tier keeps no key of an entry Caffeine
 * evicted, including entries its admission policy turns away the moment they are stored.
 */
class LocalIndexTest {
  private static final String[] NO_TAGS = new String[0];
  private static final long[] NO_VERSIONS = new long[0];

  @Test
  void theIndexNeverOutgrowsTheInProcessTier() {
    CacheDefinition<String> definition = strings("i.index").build();
    for (long size : new long[] {1, 2, 10, 100}) {
      // Caffeine's maintenance (its evictions) in the storing thread, so that an entry can be
      // evicted before put returns, as it can be on another thread at any time.
      LocalTier<String> local =
          new LocalTier<>(
              definition,
              new FreshnessPolicy(definition, () -> 0.5),
              Clock.systemUTC(),
              Ticker.systemTicker(),
              Runnable::run,
              size,
              true);
      long now = System.currentTimeMillis();
      for (int i = 0; i < 5_000; i++) {
        // Popular keys first, so that TinyLFU turns new, colder ones away.
        String key = i % 2 == 0 ? "hot" + (i % 20) : "cold" + i;
        local.put(
            key,
            new CacheEntry<>(key, now, now + 60_000, 1, 0, NO_TAGS, NO_VERSIONS, "p:i:" + key));
      }
      local.cleanUp();
      assertTrue(local.estimatedSize() <= size, "size " + size);
      assertEquals(local.estimatedSize(), local.indexSize(), "index of a tier of " + size);
    }
  }
}
