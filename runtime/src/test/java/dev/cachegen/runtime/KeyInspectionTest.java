package dev.cachegen.runtime;

import static dev.cachegen.runtime.TestRuntimes.awaitSubscribed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachegen.runtime.internal.Cache;
import dev.cachegen.runtime.internal.CacheDefinition;
import dev.cachegen.runtime.internal.Keys;
import dev.cachegen.runtime.internal.SharedKeyBuilder;
import dev.cachegen.testing.Await;
import dev.cachegen.testing.RedisExtension;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link CacheRuntime#inspect} and {@link CacheRuntime#evict}: a key given as the text that follows
 * the cache's namespace in Redis, read in both tiers and evicted on every node.
 */
class KeyInspectionTest {
  @RegisterExtension static final RedisExtension redis = RedisExtension.perClass();

  private static final CacheDefinition<String> USERS =
      TestCaches.strings("users").ttlNanos(TimeUnit.MINUTES.toNanos(10)).build();

  private static CacheRuntime node() {
    return awaitSubscribed(
        CacheRuntime.builder().redis(redis.uri()).keyPrefix(redis.keyPrefix()).build());
  }

  /** A generated {@code String find(String region, long id)} with key "user:{region}/{id}". */
  private static String find(Cache<String> cache, String region, long id, String value) {
    Object key = Keys.local(region, id);
    if (cache.getIfPresent(key) != null) {
      return cache.getIfPresent(key).value();
    }
    SharedKeyBuilder shared = cache.sharedKey().literal("user:").value(region).literal("/");
    return cache.get(
        key, shared.value(id).build(), new String[] {"region:[" + region + "]"}, null, () -> value);
  }

  /**
   * Loads {@code find(region, id)} until both tiers hold it: a runtime may re-establish its event
   * subscription just after start, which drops its in-process tier.
   */
  private static void loadIntoBothTiers(
      CacheRuntime runtime, Cache<String> users, String region, long id) {
    String key = "user:[" + region + "]/[" + id + "]";
    Await.until(
        key + " in both tiers",
        () -> {
          find(users, region, id, "Ada");
          KeyInspection held = runtime.inspect("users", key);
          return held.local().present() && held.shared().present();
        });
  }

  @Test
  void aKeyIsReadInBothTiersWithItsTtlTagsAndSize() {
    try (CacheRuntime runtime = node()) {
      Cache<String> users = runtime.cache(USERS);
      loadIntoBothTiers(runtime, users, "eu", 7);
      CacheStats before = runtime.stats().cache("users");

      KeyInspection inspection = runtime.inspect("users", "user:[eu]/[7]");
      assertEquals(redis.keyPrefix() + ":{users:1:user:[eu]/[7]}", inspection.key());
      assertTrue(inspection.local().present(), inspection.toString());
      assertEquals(List.of("region:[eu]"), inspection.local().tags());
      assertEquals("\"Ada\"".length(), inspection.local().sizeBytes(), "the encoded value");
      assertBetween(inspection.local().timeToLive(), Duration.ofSeconds(50), Duration.ofMinutes(1));

      assertTrue(inspection.shared().present(), inspection.toString());
      assertNull(inspection.shared().problem());
      assertEquals(List.of("region:[eu]"), inspection.shared().tags());
      assertTrue(inspection.shared().sizeBytes() > inspection.local().sizeBytes(), "with header");
      assertBetween(
          inspection.shared().timeToLive(), Duration.ofMinutes(9), Duration.ofMinutes(10));

      KeyInspection byWholeKey = runtime.inspect("users", inspection.key());
      assertEquals(inspection.key(), byWholeKey.key(), "the whole Redis key names the same entry");
      assertEquals(inspection.shared().sizeBytes(), byWholeKey.shared().sizeBytes());
      CacheStats after = runtime.stats().cache("users");
      assertEquals(before.local(), after.local(), "looking counts no hit or miss");
      assertEquals(before.shared(), after.shared(), "looking counts no hit or miss");
    }
  }

  @Test
  void anAbsentOrInvalidatedKeyReadsAsAbsent() {
    try (CacheRuntime runtime = node()) {
      Cache<String> users = runtime.cache(USERS);
      assertEquals(KeyInspection.Tier.ABSENT, runtime.inspect("users", "user:[eu]/[8]").local());
      assertEquals(KeyInspection.Tier.ABSENT, runtime.inspect("users", "user:[eu]/[8]").shared());

      find(users, "eu", 8, "Bob");
      runtime.invalidateTags("region:[eu]");
      KeyInspection invalidated = runtime.inspect("users", "user:[eu]/[8]");
      assertFalse(invalidated.local().present(), invalidated.toString());
      assertFalse(invalidated.shared().present(), invalidated.toString());
    }
  }

  @Test
  void anEvictionByTextReachesTheOtherNodesInProcessTier() {
    try (CacheRuntime a = node();
        CacheRuntime b = node()) {
      Cache<String> onB = b.cache(USERS);
      a.cache(USERS);
      loadIntoBothTiers(b, onB, "us", 9);

      a.evict("users", "user:[us]/[9]");
      Await.until("B drops its copy", () -> !b.inspect("users", "user:[us]/[9]").local().present());
      assertFalse(a.inspect("users", "user:[us]/[9]").shared().present(), "gone from Redis");
      assertEquals("Cy", find(onB, "us", 9, "Cy"), "B loads anew");
    }
  }

  @Test
  void anInMemoryRuntimeFindsItsEntriesWithoutAnIndex() {
    try (CacheRuntime runtime = CacheRuntime.inMemory()) {
      Cache<String> users = runtime.cache(USERS);
      find(users, "eu", 1, "Dee");
      KeyInspection inspection = runtime.inspect("users", "user:[eu]/[1]");
      assertTrue(inspection.local().present(), inspection.toString());
      assertFalse(inspection.shared().present());
      assertNotNull(inspection.shared().problem(), "says there is no shared tier");

      runtime.evict("users", "user:[eu]/[1]");
      assertFalse(runtime.inspect("users", "user:[eu]/[1]").local().present());
    }
  }

  /**
   * An in-memory cache without tags keeps local entries, which hold a hash of their shared key
   * instead of the key: the operations tools still find each by its key, and only it.
   */
  @Test
  void anInMemoryRuntimeFindsLocalEntriesByTheHashOfTheirKey() {
    try (CacheRuntime runtime = CacheRuntime.inMemory()) {
      Cache<String> users = runtime.cache(USERS);
      for (long id = 1; id <= 3; id++) {
        String sharedKey =
            users.sharedKey().literal("user:").value("eu").literal("/").value(id).build();
        users.get(Keys.local("eu", id), sharedKey, null, () -> "Eve");
      }
      assertNull(users.getIfPresent(Keys.local("eu", 2L)).sharedKey(), "a local entry");

      assertTrue(runtime.inspect("users", "user:[eu]/[2]").local().present());
      assertFalse(runtime.inspect("users", "user:[eu]/[4]").local().present());
      runtime.evict("users", "user:[eu]/[2]");
      assertNull(users.getIfPresent(Keys.local("eu", 2L)), "evicted");
      assertNotNull(users.getIfPresent(Keys.local("eu", 1L)), "its neighbours stay");
      assertNotNull(users.getIfPresent(Keys.local("eu", 3L)), "its neighbours stay");
    }
  }

  @Test
  void escapedNullAndLongKeysAreWrittenAsTheBuilderWritesThem() {
    try (CacheRuntime runtime = CacheRuntime.inMemory()) {
      Cache<String> users = runtime.cache(USERS);
      String odd = "a]b\\c";
      String longRegion = "r".repeat(300);
      find(users, odd, 2, "escaped");
      find(users, null, 3, "null");
      find(users, longRegion, 4, "long");
      assertTrue(runtime.inspect("users", "user:[a\\]b\\\\c]/[2]").local().present());
      assertTrue(runtime.inspect("users", "user:[\\0]/[3]").local().present());
      assertTrue(
          runtime.inspect("users", "user:[" + longRegion + "]/[4]").local().present(),
          "a long key is shortened as the builder shortens it");
      assertFalse(runtime.inspect("users", "user:[null]/[3]").local().present());
    }
  }

  @Test
  void anUnknownCacheOrAKeyThatDoesNotParseIsRefusedWithWhatToWrite() {
    try (CacheRuntime runtime = CacheRuntime.inMemory()) {
      runtime.cache(USERS);
      NoSuchElementException unknown =
          assertThrows(NoSuchElementException.class, () -> runtime.inspect("usr", "[1]"));
      assertEquals(
          "no cache named usr has been used in this runtime; known: [users]", unknown.getMessage());
      assertThrows(NoSuchElementException.class, () -> runtime.evict("usr", "[1]"));

      for (String bad : List.of("[1", "1]", "[a\\b]", "[1]\\", "\\0", "[x\\0]", "\\#abc")) {
        IllegalArgumentException e =
            assertThrows(IllegalArgumentException.class, () -> runtime.inspect("users", bad), bad);
        assertTrue(e.getMessage().startsWith("key \"" + bad + "\" of cache users does not parse"));
        assertTrue(e.getMessage().contains("such as [42]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> runtime.evict("users", bad), bad);
      }
      assertEquals(
          "key \"[1\" of cache users does not parse: 1 [ left open. Write it as it follows"
              + " cachegen:{users:1: in Redis: each value in square brackets, such as [42],"
              + " user:[42] or [a][1]",
          assertThrows(IllegalArgumentException.class, () -> runtime.inspect("users", "[1"))
              .getMessage());
    }
  }

  private static void assertBetween(Duration actual, Duration low, Duration high) {
    assertNotNull(actual);
    assertTrue(
        actual.compareTo(low) >= 0 && actual.compareTo(high) <= 0,
        actual + " not within " + low + " and " + high);
  }
}
