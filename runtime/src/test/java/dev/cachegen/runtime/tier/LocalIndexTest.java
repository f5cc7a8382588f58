package dev.cachegen.runtime.tier;

import static dev.cachegen.runtime.TestCaches.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.cachegen.runtime.internal.CacheDefinition;
import dev.cachegen.runtime.internal.CacheEntry;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, item 6: the shared-key index of the in-process tier keeps no key of an entry Caffeine
 * evicted, including entries its admission policy turns away the moment they are stored. Issue 13,
 * item 2: the tier keeps of an entry only what a hit reads, and the index finds entries by a hash
 * of the shared key without keeping its string.
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
            key, CacheEntry.of(key, now, now + 60_000, 1, 0, NO_TAGS, NO_VERSIONS, "p:i:" + key));
      }
      local.cleanUp();
      assertTrue(local.estimatedSize() <= size, "size " + size);
      assertEquals(local.estimatedSize(), local.indexSize(), "index of a tier of " + size);
    }
  }

  private static LocalTier<String> tier(CacheDefinition<String> definition, boolean shared) {
    return new LocalTier<>(
        definition,
        new FreshnessPolicy(definition, () -> 0.5),
        Clock.systemUTC(),
        Clock.systemUTC(),
        Ticker.systemTicker(),
        Runnable::run,
        1_000,
        shared);
  }

  private static CacheEntry<String> entry(String value, long expiresAt, String sharedKey) {
    long now = System.currentTimeMillis();
    return CacheEntry.of(value, now, expiresAt, 5, 7, NO_TAGS, NO_VERSIONS, sharedKey);
  }

  @Test
  void aPlainCacheKeepsTheValueAndTheGenerationOnly() {
    long expiresAt = System.currentTimeMillis() + 60_000;
    LocalTier<String> memory = tier(strings("i.plain").build(), false);
    memory.put("k", entry("v", expiresAt, "p:i.plain:1:[k]"));
    CacheEntry<String> kept = memory.get("k");
    assertEquals("v", kept.value());
    assertEquals(7, kept.generation());
    assertNull(kept.sharedKey(), "no shared key without Redis");
    assertEquals(Long.MAX_VALUE, kept.expiresAtMillis(), "the local ttl ends it, not the entry");
    assertEquals(0, kept.loadNanos());

    LocalTier<String> timed =
        tier(strings("i.timed").ttlFrom((value, now) -> 1_000).build(), false);
    timed.put("k", entry("v", expiresAt, "p:i.timed:1:[k]"));
    assertEquals(expiresAt, timed.get("k").expiresAtMillis(), "ttlFrom: checked on every hit");
    assertFalse(timed.expired(timed.get("k")));
    timed.put("gone", entry("v", System.currentTimeMillis() - 1, "p:i.timed:1:[gone]"));
    assertTrue(timed.expired(timed.get("gone")), "past its own expiry: not an answer");

    LocalTier<String> checked = tier(strings("i.early").earlyRefresh(1.0).build(), true);
    checked.put("k", entry("v", expiresAt, "p:i.early:1:[k]"));
    assertEquals(5, checked.get("k").loadNanos(), "early refresh reads the load duration");
    assertEquals("p:i.early:1:[k]", checked.get("k").sharedKey());
  }

  @Test
  void anEventFindsItsEntryByTheSharedKeysHash() {
    LocalTier<String> local = tier(strings("i.events").build(), true);
    long expiresAt = System.currentTimeMillis() + 60_000;
    local.put("a", entry("a1", expiresAt, "p:i.events:1:[a]"));
    local.put("b", entry("b1", expiresAt, "p:i.events:1:[b]"));
    local.put("a", entry("a2", expiresAt, "p:i.events:1:[a]"));
    assertEquals(2, local.indexSize(), "a replaced entry leaves no mapping of its own");
    assertNull(local.get("a").sharedKey(), "the tier keeps no shared key string");

    local.removeShared("p:i.events:1:[a]");
    assertNull(local.get("a"));
    assertEquals("b1", local.get("b").value(), "only the named key goes");
    local.removeShared("p:i.events:1:[nothing]");
    assertEquals("b1", local.get("b").value());
    assertEquals(1, local.indexSize());
  }

  @Test
  void twoKeysWithOneSharedKeyHashNeverLeaveAnEntryEventsCannotFind() {
    // Two local keys whose shared keys hash alike (here: are alike, which hashes alike): the
    // second store drops the first entry, since the index can map the hash to one key only.
    LocalTier<String> local = tier(strings("i.collide").build(), true);
    long expiresAt = System.currentTimeMillis() + 60_000;
    local.put("one", entry("1", expiresAt, "p:i.collide:1:[x]"));
    local.put("two", entry("2", expiresAt, "p:i.collide:1:[x]"));
    assertNull(local.get("one"), "dropped rather than left unfindable");
    local.removeShared("p:i.collide:1:[x]");
    assertNull(local.get("two"));
    assertEquals(0, local.indexSize());
  }

  @Test
  void takingBackAReplacedEntryNeverLeavesTheNewerOneUnfindable() {
    // Issue 10, item 4 (found by the chaos suite): a load's store raced with an invalidation and
    // takes back what it stored, which another thread has replaced meanwhile. The newer entry may
    // go too (an entry of the same shared key counts as the same: one more miss), but if it stays,
    // the events about its key must still find it.
    LocalTier<String> local = tier(strings("i.replaced").build(), true);
    long expiresAt = System.currentTimeMillis() + 60_000;
    CacheEntry<String> loaded = local.put("k", entry("v1", expiresAt, "p:i.replaced:1:[k]"));
    local.put("k", entry("v2", expiresAt, "p:i.replaced:1:[k]"));
    local.remove("k", loaded);

    local.removeShared("p:i.replaced:1:[k]"); // an event about the key from another runtime
    assertNull(local.get("k"), "the event found whatever entry the key still held");
    assertEquals(0, local.indexSize());
  }
}
