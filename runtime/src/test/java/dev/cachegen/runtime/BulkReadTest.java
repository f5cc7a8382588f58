package dev.cachegen.runtime;

import static dev.cachegen.runtime.TestCaches.find;
import static dev.cachegen.runtime.TestCaches.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cachegen.runtime.internal.BulkLoader;
import dev.cachegen.runtime.internal.Cache;
import dev.cachegen.runtime.internal.Keys;
import dev.cachegen.runtime.tier.TieredCache;
import dev.cachegen.testing.RedisExtension;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link TieredCache#getAll}: one L1 pass, one multi-get, one loader call, per-key entries. */
class BulkReadTest {
  @RegisterExtension static final RedisExtension redis = RedisExtension.ownedPerClass();
  private final List<List<String>> calls = new CopyOnWriteArrayList<>();

  private Map<String, String> load(Collection<String> keys) {
    calls.add(new ArrayList<>(keys));
    Map<String, String> found = new LinkedHashMap<>();
    for (String key : keys) {
      if (!key.startsWith("missing")) {
        found.put(key, "v-" + key);
      }
    }
    return found;
  }

  private static Map<String, String> all(
      Cache<String> cache, List<String> keys, BulkLoader<String, String> loader) {
    return cache.getAll(keys, Keys::local, key -> cache.sharedKey().value(key).build(), loader);
  }

  private static long commandCalls(String command) {
    for (String line : redis.command("INFO", "commandstats").split("\r?\n")) {
      if (line.startsWith("cmdstat_" + command + ":calls=")) {
        return Long.parseLong(line.substring(line.indexOf('=') + 1, line.indexOf(',')));
      }
    }
    return 0;
  }

  @Test
  void onlyTheMissingKeysReachTheLoaderInOneCall() {
    try (CacheRuntime runtime = CacheRuntime.inMemory()) {
      Cache<String> cache = runtime.cache(strings("b.memory").build());
      find(cache, "a", () -> "v-a");
      Map<String, String> values = all(cache, List.of("a", "b", "c", "b"), this::load);
      assertEquals(Map.of("a", "v-a", "b", "v-b", "c", "v-c"), values);
      assertEquals(List.of("a", "b", "c"), new ArrayList<>(values.keySet()), "in the asked order");
      assertEquals(List.of(List.of("b", "c")), calls);
      all(cache, List.of("a", "b", "c"), this::load);
      assertEquals(1, calls.size(), "all cached now");
      assertEquals("v-b", find(cache, "b", () -> "must not load"), "single reads share entries");
    }
  }

  @Test
  void keysTheLoaderDoesNotReturnAreCachedOnlyWithCacheNulls() {
    try (CacheRuntime runtime = CacheRuntime.inMemory()) {
      Cache<String> plain = runtime.cache(strings("b.plain").build());
      Cache<String> negative = runtime.cache(strings("b.negative").cacheNulls(true).build());
      assertEquals(Map.of(), all(plain, List.of("missing-1"), this::load));
      assertEquals(Map.of(), all(plain, List.of("missing-1"), this::load));
      assertEquals(2, calls.size());
      all(negative, List.of("missing-1"), this::load);
      all(negative, List.of("missing-1"), this::load);
      assertEquals(3, calls.size());
    }
  }

  @Test
  void theLoadersFailureReachesTheCallerAndNothingIsCached() {
    try (CacheRuntime runtime = CacheRuntime.inMemory()) {
      Cache<String> cache = runtime.cache(strings("b.fail").build());
      IOException failure = new IOException("database down");
      assertSame(
          failure,
          assertThrows(
              IOException.class,
              () ->
                  all(
                      cache,
                      List.of("a"),
                      keys -> {
                        throw failure;
                      })));
      assertEquals(Map.of("a", "v-a"), all(cache, List.of("a"), this::load));
    }
  }

  @Test
  void withRedisOneMultiGetAndOneLoaderCallServeAFreshRuntime() {
    String prefix = redis.keyPrefix();
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      keys.add("k" + i);
    }
    try (CacheRuntime first = CacheRuntime.builder().redis(redis.uri()).keyPrefix(prefix).build();
        CacheRuntime second = CacheRuntime.builder().redis(redis.uri()).keyPrefix(prefix).build()) {
      Cache<String> one = first.cache(strings("b.redis").build());
      long mgetBefore = commandCalls("mget");
      long setBefore = commandCalls("set");
      assertEquals(100, all(one, keys, this::load).size());
      assertEquals(1, commandCalls("mget") - mgetBefore, "one multi-get for 100 keys");
      // One SET per key, and one that creates the cache's generation counter (inside a script).
      assertEquals(101, commandCalls("set") - setBefore, "each key stored on its own");
      assertEquals(1, calls.size());

      Cache<String> two = second.cache(strings("b.redis").build());
      mgetBefore = commandCalls("mget");
      Map<String, String> fromRedis = all(two, keys, key -> Map.of());
      assertEquals(100, fromRedis.size());
      assertEquals("v-k42", fromRedis.get("k42"));
      assertEquals(1, commandCalls("mget") - mgetBefore);
      assertEquals(1, calls.size(), "the second runtime never called its loader");
      assertEquals(100, two.stats().shared().hits());
    }
  }
}
