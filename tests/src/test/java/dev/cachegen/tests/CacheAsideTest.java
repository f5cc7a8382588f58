package dev.cachegen.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.testing.RedisExtension;
import dev.cachegen.tests.fixtures.CachedCatalog;
import dev.cachegen.tests.fixtures.CachedItemRepository;
import dev.cachegen.tests.fixtures.CachedLookup;
import dev.cachegen.tests.fixtures.CachedOuter_Prices;
import dev.cachegen.tests.fixtures.Catalog;
import dev.cachegen.tests.fixtures.CountingCatalog;
import dev.cachegen.tests.fixtures.Item;
import dev.cachegen.tests.fixtures.ItemRepository;
import dev.cachegen.tests.fixtures.Lookup;
import dev.cachegen.tests.fixtures.Outer;
import dev.cachegen.tests.fixtures.Owner;
import dev.cachegen.tests.fixtures.Page;
import dev.cachegen.tests.fixtures.RequestContext;
import dev.cachegen.tests.fixtures.Sort;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Cache-aside through generated decorators, over every tier combination. */
class CacheAsideTest {
  @RegisterExtension static final RedisExtension redis = RedisExtension.perClass();

  @ParameterizedTest
  @EnumSource(Tiers.class)
  void repeatedCallsAreAnsweredByTheCache(Tiers tiers) throws Exception {
    CountingCatalog delegate = new CountingCatalog();
    try (CacheRuntime runtime = tiers.runtime(redis)) {
      Catalog catalog = new CachedCatalog(delegate, runtime);
      for (int round = 0; round < 3; round++) {
        assertEquals("item-1", catalog.item(1).name());
        assertEquals("item-2", catalog.item(2).name());
        assertEquals(8, catalog.countIn("calendar"));
        assertArrayEquals("png-5".getBytes(StandardCharsets.UTF_8), catalog.thumbnail(5));
        assertEquals("async-4", catalog.itemAsync(4).get(5, TimeUnit.SECONDS).name());
        assertEquals(
            List.of("t9"), catalog.tagsAsync(9).toCompletableFuture().get(5, TimeUnit.SECONDS));
        assertEquals("loaded-6", catalog.load(6).name());
        assertEquals("settings", catalog.settings());
        assertEquals("unlocked", catalog.unlocked(3).name());
      }
      for (String method :
          List.of(
              "countIn", "thumbnail", "itemAsync", "tagsAsync", "load", "settings", "unlocked")) {
        assertEquals(1, delegate.calls(method), method);
      }
      assertEquals(2, delegate.calls("item"));
    }
  }

  @ParameterizedTest
  @EnumSource(Tiers.class)
  void differentArgumentsNeverShareAnEntry(Tiers tiers) {
    CountingCatalog delegate = new CountingCatalog();
    try (CacheRuntime runtime = tiers.runtime(redis)) {
      Catalog catalog = new CachedCatalog(delegate, runtime);
      assertEquals("a:b|c", catalog.search("a:b", "c").get(0).name());
      assertEquals("a|b:c", catalog.search("a", "b:c").get(0).name());
      assertEquals("null|x", catalog.search(null, "x").get(0).name());
      assertEquals("null|x", catalog.search("null", "x").get(0).name());
      assertEquals(4, delegate.calls("search"));

      assertEquals("NAME/10", catalog.page(new Page(1, 10), Sort.NAME).get(0).name());
      assertEquals("NEWEST/10", catalog.page(new Page(1, 10), Sort.NEWEST).get(0).name());
      assertEquals("NAME/10", catalog.page(new Page(1, 10), Sort.NAME).get(0).name());
      assertEquals(2, delegate.calls("page"));
    }
  }

  @ParameterizedTest
  @EnumSource(Tiers.class)
  void keysFollowTemplatesAndCacheKeyMarks(Tiers tiers) {
    CountingCatalog delegate = new CountingCatalog();
    try (CacheRuntime runtime = tiers.runtime(redis)) {
      Catalog catalog = new CachedCatalog(delegate, runtime);
      // Only owner.id is in the key: another display name is the same entry.
      catalog.byOwner(new Owner("o1", "Ann"));
      assertEquals("owned by o1", catalog.byOwner(new Owner("o1", "Annie")).get(0).name());
      assertEquals(1, delegate.calls("byOwner"));
      assertEquals("owned by nobody", catalog.byOwner(null).get(0).name());
      // Only the @CacheKey parameter is in the key.
      catalog.grouped("acme", new RequestContext("trace-1"));
      assertEquals(
          "trace-1",
          catalog.grouped("acme", new RequestContext("trace-2")).get("acme").get(0).name());
      assertEquals(1, delegate.calls("grouped"));
      catalog.first("acme", "x", "y");
      catalog.first("acme");
      assertEquals(1, delegate.calls("first"));
    }
  }

  @ParameterizedTest
  @EnumSource(Tiers.class)
  void emptyOptionalsAreCachedOnlyWithCacheNulls(Tiers tiers) {
    CountingCatalog delegate = new CountingCatalog();
    try (CacheRuntime runtime = tiers.runtime(redis)) {
      Catalog catalog = new CachedCatalog(delegate, runtime);
      assertEquals(Optional.empty(), catalog.byName("missing-1"));
      assertEquals(Optional.empty(), catalog.byName("missing-1"));
      assertEquals(1, delegate.calls("byName"));
      assertEquals("present", catalog.byName("present").orElseThrow().name());
      assertEquals(Optional.empty(), catalog.byNameNotCachingNulls("missing-1"));
      assertEquals(Optional.empty(), catalog.byNameNotCachingNulls("missing-1"));
      assertEquals(2, delegate.calls("byNameNotCachingNulls"));
    }
  }

  @ParameterizedTest
  @EnumSource(Tiers.class)
  void checkedExceptionsReachTheCallerAndAreNeverCached(Tiers tiers) throws Exception {
    CountingCatalog delegate = new CountingCatalog();
    try (CacheRuntime runtime = tiers.runtime(redis)) {
      Catalog catalog = new CachedCatalog(delegate, runtime);
      IOException failure = new IOException("disk on fire");
      delegate.failWith(failure);
      assertSame(failure, assertThrows(IOException.class, () -> catalog.load(1)));
      assertSame(failure, assertThrows(IOException.class, () -> catalog.load(1)));
      delegate.failWith(null);
      assertEquals("loaded-1", catalog.load(1).name());
      assertEquals("loaded-1", catalog.load(1).name());
      assertEquals(3, delegate.calls("load"));
    }
  }

  @ParameterizedTest
  @EnumSource(Tiers.class)
  void unannotatedAndDefaultMethodsGoToTheDelegate(Tiers tiers) {
    CountingCatalog delegate = new CountingCatalog();
    try (CacheRuntime runtime = tiers.runtime(redis)) {
      Catalog catalog = new CachedCatalog(delegate, runtime);
      catalog.save(CountingCatalogItems.one());
      catalog.save(CountingCatalogItems.one());
      assertEquals("described 3", catalog.describe(3));
      assertEquals(2, delegate.calls("save"));
      assertEquals(1, delegate.calls("describe"));
    }
  }

  @ParameterizedTest
  @EnumSource(Tiers.class)
  void genericAndNestedInterfacesWork(Tiers tiers) {
    try (CacheRuntime runtime = tiers.runtime(redis)) {
      AtomicInteger newest = new AtomicInteger();
      ItemRepository items =
          new CachedItemRepository(
              new ItemRepository() {
                @Override
                public List<Item> newest(int limit) {
                  newest.incrementAndGet();
                  return List.of(CountingCatalogItems.one());
                }

                @Override
                public Item get(Long key) {
                  return CountingCatalogItems.one();
                }

                @Override
                public long count() {
                  return 42;
                }
              },
              runtime);
      items.newest(5);
      items.newest(5);
      assertEquals(1, newest.get());
      assertEquals(42, items.count());
      assertEquals(1L, items.get(1L).id());

      Lookup<String> lookup =
          new CachedLookup<>(
              new Lookup<String>() {
                private int labels;

                @Override
                public String label(int id) {
                  return "label " + id + " #" + ++labels;
                }

                @Override
                public String echo(String key) {
                  return key;
                }

                @Override
                public <R> R apply(java.util.function.Function<String, R> function, String key) {
                  return function.apply(key);
                }
              },
              runtime);
      assertEquals(lookup.label(1), lookup.label(1));
      assertNotEquals(lookup.label(1), lookup.label(2));
      assertEquals("k", lookup.echo("k"));
      assertEquals(1, lookup.apply(String::length, "k"));

      AtomicInteger prices = new AtomicInteger();
      Outer.Prices priced = new CachedOuter_Prices(sku -> 100L * prices.incrementAndGet(), runtime);
      assertEquals(priced.priceInCents("a"), priced.priceInCents("a"));
      assertEquals(1, prices.get());
    }
  }

  @ParameterizedTest
  @EnumSource(Tiers.class)
  void asyncCallersShareOneLoad(Tiers tiers) throws Exception {
    try (CacheRuntime runtime = tiers.runtime(redis)) {
      CompletableFuture<Item> pending = new CompletableFuture<>();
      AtomicInteger loads = new AtomicInteger();
      CountingCatalog delegate =
          new CountingCatalog() {
            @Override
            public CompletableFuture<Item> itemAsync(long id) {
              loads.incrementAndGet();
              return pending;
            }
          };
      Catalog catalog = new CachedCatalog(delegate, runtime);
      CompletableFuture<Item> first = catalog.itemAsync(1);
      CompletableFuture<Item> second = catalog.itemAsync(1);
      pending.complete(CountingCatalogItems.one());
      assertEquals(first.get(5, TimeUnit.SECONDS), second.get(5, TimeUnit.SECONDS));
      assertTrue(loads.get() == 1, "loads: " + loads.get());
    }
  }

  /** Items for tests that need one. */
  static final class CountingCatalogItems {
    static Item one() {
      return new CountingCatalog().item(1);
    }
  }
}
