package dev.cachegen.runtime.tier;

import static dev.cachegen.runtime.TestCaches.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.cachegen.runtime.internal.CacheDefinition;
import dev.cachegen.runtime.internal.CacheEntry;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, item 6: the shared-key index of the in-process tier keeps no key of an entry Caffeine
 * evicted, including entries its admission policy turns away the moment they are stored. Issue 10,
 * item 4: and it never loses the key of an entry it holds, or the events that must evict that entry
 * cannot find it.
 */
class LocalIndexTest {
  private static final String[] NO_TAGS = new String[0];
  private static final long[] NO_VERSIONS = new long[0];

  /**
   * An indexed tier of {@code size} entries whose Caffeine maintenance (its evictions) runs in the
   * storing thread, so that an entry can be evicted before put returns, as it can be on another
   * thread at any time.
   */
  private static LocalTier<String> indexedTier(CacheDefinition<String> definition, long size) {
    return new LocalTier<>(
        definition,
        new FreshnessPolicy(definition, () -> 0.5, true),
        Clock.systemUTC(),
        Ticker.systemTicker(),
        Runnable::run,
        size,
        true);
  }

  @Test
  void theIndexNeverOutgrowsTheInProcessTier() {
    CacheDefinition<String> definition = strings("i.index").build();
    for (long size : new long[] {1, 2, 10, 100}) {
      LocalTier<String> local = indexedTier(definition, size);
      long now = System.currentTimeMillis();
      for (int i = 0; i < 5_000; i++) {
        // Popular keys first, so that TinyLFU turns new, colder ones away.
        String key = i % 2 == 0 ? "hot" + (i % 20) : "cold" + i;
        local.put(
            key, CacheEntry.of(key, now, now + 60_000, 1, 0, NO_TAGS, NO_VERSIONS, "p:i:" + key));
      }
      local.cleanUp();
      assertTrue(local.estimatedSize() <= size, "size " + size);
      assertEquals(local.estimatedSize(), local.indexSize(), "index of a tier of " + size);
    }
  }

  @Test
  void removingAnEntryThatWasReplacedKeepsTheMappingOfTheOneThatReplacedIt() {
    CacheDefinition<String> definition = strings("i.replaced").build();
    LocalTier<String> local = indexedTier(definition, 100);
    long now = System.currentTimeMillis();
    CacheEntry<String> loaded =
        CacheEntry.of("v1", now, now + 60_000, 1, 0, NO_TAGS, NO_VERSIONS, "p:i:k");
    CacheEntry<String> newer =
        CacheEntry.of("v2", now, now + 60_000, 1, 0, NO_TAGS, NO_VERSIONS, "p:i:k");
    local.put("k", loaded);
    local.put("k", newer); // another thread's load or write
    // The first load's store raced with an invalidation, so it takes back what it stored: by now
    // that is no longer there, and the newer entry must stay findable.
    local.remove("k", loaded);
    assertEquals("v2", local.get("k").value());

    local.removeShared("p:i:k"); // an event about the key from another runtime
    assertNull(local.get("k"), "the event found the entry through the index");
    assertEquals(0, local.indexSize());
  }
}
