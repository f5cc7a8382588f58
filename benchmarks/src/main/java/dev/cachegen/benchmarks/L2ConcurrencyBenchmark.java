package dev.cachegen.benchmarks;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.runtime.CacheStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

/**
 * L2 hits under load: 8, 32 and 64 threads read random keys among 1,024, all in Redis, with the
 * in-process tier disabled as in {@link L2HitBenchmark}, so every call reads Redis. The baseline is
 * a pooled Jedis {@code GET} and a Jackson decode with the same pool size (16) and wait (250 ms) as
 * the runtime's defaults. Read the throughputs as ratios to {@code raw*} at the same thread count.
 *
 * <p>A call the runtime could not answer from Redis (every pooled connection busy past the wait, or
 * any other failure) falls back to the delegate; the state prints at tear-down how many calls did,
 * with the runtime's shared-tier error count. Both should be 0.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class L2ConcurrencyBenchmark {
  /** How many keys the threads read at random. */
  static final int KEYS = 1_024;

  @Benchmark
  @Threads(8)
  public Item raw8(RawJedis state) {
    return state.find(randomId());
  }

  @Benchmark
  @Threads(8)
  public Item generated8(Generated state) {
    return state.service.find(randomId());
  }

  @Benchmark
  @Threads(32)
  public Item raw32(RawJedis state) {
    return state.find(randomId());
  }

  @Benchmark
  @Threads(32)
  public Item generated32(Generated state) {
    return state.service.find(randomId());
  }

  @Benchmark
  @Threads(64)
  public Item raw64(RawJedis state) {
    return state.find(randomId());
  }

  @Benchmark
  @Threads(64)
  public Item generated64(Generated state) {
    return state.service.find(randomId());
  }

  static long randomId() {
    return 1_000L + ThreadLocalRandom.current().nextInt(KEYS);
  }

  /** The generated decorator over Redis, L1 disabled, every key stored before the run. */
  @State(Scope.Benchmark)
  public static class Generated {
    LocalRedis redis;
    CacheRuntime runtime;
    CatalogItemService delegate;
    ItemService service;
    private long loadsAfterFill;
    private CacheStats statsAfterFill;

    @Setup(Level.Trial)
    public void setUp() {
      redis = LocalRedis.start();
      redis.flush();
      runtime = L2HitBenchmark.sharedOnlyRuntime(redis);
      delegate = new CatalogItemService();
      service = new CachedItemService(delegate, runtime);
      LocalRedis.awaitSubscribed(runtime);
      for (int i = 0; i < KEYS; i++) {
        service.find(1_000L + i);
      }
      loadsAfterFill = delegate.loads();
      statsAfterFill = runtime.stats().cache("items");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      CacheStats stats = runtime.stats().cache("items");
      System.out.printf(
          "%ngenerated: %d calls fell back to the delegate after the fill; shared-tier errors %d;"
              + " L2 hits %d%n",
          delegate.loads() - loadsAfterFill,
          stats.shared().errors() - statsAfterFill.shared().errors(),
          stats.shared().hits() - statsAfterFill.shared().hits());
      runtime.close();
      redis.close();
    }
  }

  /**
   * A pooled Jedis GET and a Jackson decode, by hand; like an application's cache-aside, a call
   * whose GET fails (no pooled connection within the wait, a timeout) answers from the delegate,
   * and is counted.
   */
  @State(Scope.Benchmark)
  public static class RawJedis {
    LocalRedis redis;
    RedisClient client;
    ObjectReader reader;
    final LongAdder fallbacks = new LongAdder();

    @Setup(Level.Trial)
    public void setUp() throws IOException {
      redis = LocalRedis.start();
      redis.flush();
      client = L2HitBenchmark.RawJedis.client(redis);
      JsonMapper mapper = JsonMapper.builder().build();
      reader = mapper.readerFor(Item.class);
      ObjectWriter writer = mapper.writerFor(Item.class);
      for (int i = 0; i < KEYS; i++) {
        long id = 1_000L + i;
        client.set(key(id), writer.writeValueAsBytes(CatalogItemService.item("", id)));
      }
    }

    Item find(long id) {
      byte[] bytes;
      try {
        bytes = client.get(key(id));
      } catch (JedisException e) {
        fallbacks.increment();
        return CatalogItemService.item("", id);
      }
      try {
        return reader.readValue(bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static byte[] key(long id) {
      return ("items:" + id).getBytes(StandardCharsets.UTF_8);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      System.out.printf("%nraw: %d calls fell back to the delegate%n", fallbacks.sum());
      client.close();
      redis.close();
    }
  }
}
