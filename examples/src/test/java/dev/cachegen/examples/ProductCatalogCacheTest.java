package dev.cachegen.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.testing.Await;
import dev.cachegen.testing.RedisExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The README's "Testing your own cached interfaces": a user's test of a generated decorator against
 * a real Redis, written with cachegen-testing.
 */
class ProductCatalogCacheTest {
  @RegisterExtension static final RedisExtension redis = RedisExtension.perClass();

  /** One application node: its own in-process tier, the test's key prefix in the shared Redis. */
  private static CacheRuntime node() {
    return CacheRuntime.builder().redis(redis.uri()).keyPrefix(redis.keyPrefix()).build();
  }

  @Test
  void aSecondNodeIsServedFromRedis() throws Exception {
    try (JdbcProductCatalog database = JdbcProductCatalog.create(100, 5, Duration.ZERO);
        CacheRuntime first = node();
        CacheRuntime second = node()) {
      ProductCatalog nodeA = new CachedProductCatalog(database, first);
      ProductCatalog nodeB = new CachedProductCatalog(database, second);
      assertEquals(nodeA.find(42), nodeB.find(42));
      assertEquals(1, database.queries(), "node B read node A's entry from Redis");
    }
  }

  @Test
  void aWriteOnOneNodeReachesTheOther() throws Exception {
    try (JdbcProductCatalog database = JdbcProductCatalog.create(100, 5, Duration.ZERO);
        CacheRuntime first = node();
        CacheRuntime second = node()) {
      ProductCatalog nodeA = new CachedProductCatalog(database, first);
      ProductCatalog nodeB = new CachedProductCatalog(database, second);
      Product product = nodeB.find(7); // now in node B's in-process tier
      Product renamed =
          new Product(
              product.id(),
              "renamed",
              product.category(),
              product.priceCents(),
              product.updatedAt());
      nodeA.update(renamed);
      Await.until("node B to see the new name", () -> nodeB.find(7).name().equals("renamed"));
    }
  }
}
