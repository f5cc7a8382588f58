package dev.cachegen.benchmarks;

import dev.cachegen.runtime.CacheRuntime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * 100 keys read through the generated decorator: one bulk call ({@code findAll}) against 100 single
 * calls ({@code find}), all hits, from the in-process tier ({@code tier=local}) and from Redis with
 * the in-process tier off ({@code tier=shared}, one multi-get against 100 GETs).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class BulkBenchmark {
  static final int KEYS = 100;

  @Param({"local", "shared"})
  public String tier;

  private LocalRedis redis;
  private CacheRuntime runtime;
  private BulkItems items;
  private final List<Long> ids = new ArrayList<>();

  /** The delegate; never called after the fill. */
  static final class Store implements BulkItems {
    @Override
    public Item find(long id) {
      return CatalogItemService.item("", id);
    }

    @Override
    public Map<Long, Item> findAll(Collection<Long> ids) {
      Map<Long, Item> found = new LinkedHashMap<>();
      ids.forEach(id -> found.put(id, CatalogItemService.item("", id)));
      return found;
    }
  }

  @Setup(Level.Trial)
  public void setUp() {
    if (tier.equals("local")) {
      runtime = CacheRuntime.inMemory();
    } else {
      redis = LocalRedis.start();
      redis.flush();
      runtime = CacheRuntime.builder().redis(redis.uri()).localMaximumSize(0).build();
    }
    items = new CachedBulkItems(new Store(), runtime);
    for (long id = 1_000; id < 1_000 + KEYS; id++) {
      ids.add(id);
    }
    items.findAll(ids);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    runtime.close();
    if (redis != null) {
      redis.close();
    }
  }

  /** One call for the 100 keys. */
  @Benchmark
  public Map<Long, Item> bulk() {
    return items.findAll(ids);
  }

  /** 100 calls, one key each. */
  @Benchmark
  public void singles(Blackhole blackhole) {
    for (Long id : ids) {
      blackhole.consume(items.find(id));
    }
  }
}
