package dev.cachegen.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachegen.runtime.CacheStats;
import dev.cachegen.testing.RedisServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The example does what the README says it does, in memory and with Redis. */
class CatalogDemoTest {
  private static CatalogDemo.Result run(String redisUrl, StringBuilder report) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CatalogDemo.Result result =
        CatalogDemo.run(
            new CatalogDemo.Options(2_000, Duration.ZERO, redisUrl, 7),
            new PrintStream(bytes, true, StandardCharsets.UTF_8));
    report.append(bytes.toString(StandardCharsets.UTF_8));
    return result;
  }

  @Test
  void cachingCutsDatabaseQueriesInMemory() throws Exception {
    StringBuilder report = new StringBuilder();
    CatalogDemo.Result result = run(null, report);
    assertEquals(2_000, result.uncached().queries(), "uncached: one query per call");
    long cachedQueries = result.cached().queries();
    long loads = result.caches().stream().mapToLong(CacheStats::loads).sum();
    assertEquals(cachedQueries, loads, "every query was a cache load");
    assertTrue(cachedQueries < 700, "cached queries: " + cachedQueries);
    assertTrue(report.toString().contains("cached (cachegen)"), report.toString());
    assertTrue(report.toString().contains("catalog.category"), report.toString());
  }

  @Test
  void readsAfterEveryWriteAreFresh() throws Exception {
    StringBuilder report = new StringBuilder();
    CatalogDemo.Result result = run(null, report);
    assertEquals(4, result.writes().size());
    for (CatalogDemo.WriteCheck check : result.writes()) {
      assertTrue(check.fresh(), check + "\n" + report);
    }
    assertEquals(0, result.writes().get(0).queries(), "written through: the read needs no query");
    assertFalse(report.toString().contains("STALE"), report.toString());
  }

  @Test
  void withRedisASecondRunIsServedFromRedis() throws Exception {
    try (RedisServer redis = RedisServer.start()) {
      StringBuilder report = new StringBuilder();
      CatalogDemo.Result first = run(redis.uri(), report);
      assertTrue(first.tiers().contains("Redis"), first.tiers());
      CatalogDemo.Result second = run(redis.uri(), report);
      // The first run's writes ran on another database; the second run's reads come from Redis.
      assertEquals(0, second.cached().queries(), "the second run's fresh L1 is filled from Redis");
      long sharedHits = second.caches().stream().mapToLong(stats -> stats.shared().hits()).sum();
      assertEquals(first.cached().queries(), sharedHits);
    }
  }
}
