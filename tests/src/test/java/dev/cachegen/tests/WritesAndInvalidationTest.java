package dev.cachegen.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.testing.Await;
import dev.cachegen.testing.RedisExtension;
import dev.cachegen.tests.fixtures.CachedStore;
import dev.cachegen.tests.fixtures.MemoryStore;
import dev.cachegen.tests.fixtures.StockItem;
import dev.cachegen.tests.fixtures.Store;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Issue 3 end to end: generated write and invalidation methods over every tier combination. */
class WritesAndInvalidationTest {
  @RegisterExtension static final RedisExtension redis = RedisExtension.perClass();

  private static StockItem item(long id, String owner, long version) {
    return new StockItem(id, owner, "item " + id, version);
  }

  @ParameterizedTest
  @EnumSource(Tiers.class)
  void aWriteThroughIsReadBackWithoutReadingTheStore(Tiers tiers) throws Exception {
    MemoryStore database = new MemoryStore();
    database.putRow(item(1, "ann", 1));
    try (CacheRuntime runtime = tiers.runtime(redis)) {
      Store store = new CachedStore(database, runtime);
      assertEquals(1, store.item(1).version());
      store.save(item(1, "ann", 2));
      assertEquals(2, store.item(1).version());
      assertEquals(1, database.reads(), "the second read came from the cache");
    }
  }

  @ParameterizedTest
  @EnumSource(Tiers.class)
  void aFailedWriteChangesNothing(Tiers tiers) throws Exception {
    MemoryStore database = new MemoryStore();
    database.putRow(item(1, "ann", 1));
    try (CacheRuntime runtime = tiers.runtime(redis)) {
      Store store = new CachedStore(database, runtime);
      store.item(1);
      IOException failure = new IOException("constraint violated");
      database.failWrites(failure);
      assertSame(failure, assertThrows(IOException.class, () -> store.save(item(1, "ann", 2))));
      assertEquals(1, store.item(1).version(), "the cache kept the stored value");
      assertEquals(1, database.reads());
    }
  }

  @ParameterizedTest
  @EnumSource(Tiers.class)
  void tagsDropEveryListOfTheOwnerAndNoOther(Tiers tiers) throws Exception {
    MemoryStore database = new MemoryStore();
    database.putRow(item(1, "ann", 1));
    database.putRow(item(2, "bob", 1));
    try (CacheRuntime runtime = tiers.runtime(redis)) {
      Store store = new CachedStore(database, runtime);
      assertEquals(1, store.byOwner("ann").size());
      assertEquals(1, store.byOwner("bob").size());
      store.save(item(3, "ann", 1)); // invalidates owner:[ann]
      assertEquals(List.of(1L, 3L), store.byOwner("ann").stream().map(StockItem::id).toList());
      int reads = database.reads();
      assertEquals(1, store.byOwner("bob").size());
      assertEquals(reads, database.reads(), "bob's list was not tagged owner:[ann]");
    }
  }

  @ParameterizedTest
  @EnumSource(Tiers.class)
  void deleteAndReindexInvalidate(Tiers tiers) throws Exception {
    MemoryStore database = new MemoryStore();
    database.putRow(item(1, "ann", 1));
    try (CacheRuntime runtime = tiers.runtime(redis)) {
      Store store = new CachedStore(database, runtime);
      store.item(1);
      store.byOwner("ann");
      store.delete(1, "ann");
      assertNull(store.item(1));
      assertEquals(List.of(), store.byOwner("ann"));

      database.putRow(item(5, "cy", 1));
      store.byOwner("cy");
      database.putRow(item(6, "cy", 1)); // behind the cache's back
      assertEquals(1, store.byOwner("cy").size(), "still cached");
      store.reindex(); // every entry of byOwner
      assertEquals(2, store.byOwner("cy").size());
    }
  }

  @ParameterizedTest
  @EnumSource(Tiers.class)
  void writeBehindCachesAtOnceAndReachesTheStoreLater(Tiers tiers) throws Exception {
    MemoryStore database = new MemoryStore();
    CacheRuntime runtime = tiers.runtime(redis);
    Store store = new CachedStore(database, runtime);
    store.saveLater(item(7, "dee", 1));
    assertEquals(1, store.item(7).version(), "the cache has it before the store");
    assertEquals(0, database.reads());
    runtime.close(); // drains the queue
    assertEquals(List.of(item(7, "dee", 1)), database.writes());
  }

  @Test
  void writeBehindCallsTravelThroughRedisAsJsonOfTheGeneratedRecord() throws Exception {
    MemoryStore database = new MemoryStore();
    try (CacheRuntime runtime = Tiers.MEMORY_AND_REDIS.runtime(redis)) {
      Store store = new CachedStore(database, runtime);
      for (int version = 1; version <= 3; version++) {
        store.saveLater(item(8, "eve", version));
      }
      Await.until(
          () ->
              !database.writes().isEmpty()
                  && database.writes().get(database.writes().size() - 1).version() == 3);
      assertTrue(runtime.stats().writeBehind().get("Store.saveLater").durable());
      assertTrue(database.writes().size() <= 3);
    }
  }

  @Test
  void aWriteOnOneNodeIsReadOnTheOtherWithoutAStaleLocalCopy() throws Exception {
    MemoryStore database = new MemoryStore();
    database.putRow(item(1, "ann", 1));
    String prefix = redis.keyPrefix();
    try (CacheRuntime nodeA = Tiers.MEMORY_AND_REDIS.runtime(redis, prefix);
        CacheRuntime nodeB = Tiers.MEMORY_AND_REDIS.runtime(redis, prefix)) {
      Store storeA = new CachedStore(database, nodeA);
      Store storeB = new CachedStore(database, nodeB);
      Await.until("nodeB to subscribe to events", () -> nodeB.stats().localTierResets() >= 1);
      assertEquals(1, storeB.item(1).version()); // in B's L1 now
      storeA.save(item(1, "ann", 2));
      Await.until(() -> storeB.item(1).version() == 2); // else B kept serving version 1
      assertEquals(1, database.reads(), "B read the new version from Redis");
    }
  }
}
