package dev.cachegen.benchmarks;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.runtime.CacheStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
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
import org.openjdk.jmh.annotations.Warmup;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;

/**
 * An L2 hit: {@link ItemService#find(long)} with the in-process tier disabled ({@code
 * localMaximumSize(0)}), so every call misses L1 and is answered by Redis on loopback. The baseline
 * is what an application does without cachegen: a {@link RedisClient} GET of a key it built and a
 * Jackson decode of the same JSON into the same record. Read the results as ratios to {@code
 * rawJedis}.
 *
 * <p>Every state starts its own {@code redis-server} (or uses {@code REDIS_URL}), fills it, then
 * counts with {@code INFO commandstats} the Redis commands that a fixed number of calls cost, and
 * prints them per L1 miss; it does the same over the whole measured run at tear-down.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class L2HitBenchmark {
  /** Calls whose Redis commands are counted at set-up. */
  static final int COUNTED_CALLS = 2_000;

  /** The baseline: a pooled Jedis GET and a Jackson decode, written by hand. */
  @Benchmark
  public Item rawJedis(RawJedis state, Workload workload) throws IOException {
    return state.find(Workload.id(workload.next()));
  }

  /** The product: the generated decorator, every call an L1 miss and an L2 hit. */
  @Benchmark
  public Item generated(Generated state, Workload workload) {
    return state.service.find(Workload.id(workload.next()));
  }

  /** The runtime API called as generated code calls it, over {@code Cache}. */
  @Benchmark
  public Item runtimeApi(RuntimeApi state, Workload workload) {
    return state.service.find(Workload.id(workload.next()));
  }

  /**
   * A runtime with Redis and no in-process tier, so every call is an L1 miss.
   *
   * <p>{@code localMaximumSize(0)} alone does not do it: Caffeine evicts over its bound in its
   * maintenance task, which runs on the runtime's executor, so an entry put after an L2 hit stays
   * readable until that task runs (measured: tens of L1 hits per L1 miss). Running maintenance on
   * the calling thread ({@code Runnable::run}) evicts it before the call returns. The runtime uses
   * the executor only for maintenance and asynchronous loads, and these calls are synchronous.
   */
  static CacheRuntime sharedOnlyRuntime(LocalRedis redis) {
    return CacheRuntime.builder()
        .redis(redis.uri())
        .localMaximumSize(0)
        .executor(Runnable::run)
        .build();
  }

  /** Stores every key of the workload in Redis through {@code service}, which misses at first. */
  static void fill(ItemService service) {
    for (int i = 0; i < Workload.KEY_COUNT; i++) {
      service.find(Workload.id(i));
    }
  }

  /**
   * Runs {@link #COUNTED_CALLS} calls and prints the Redis commands they cost, per call and, when
   * there is a runtime, per L1 miss.
   */
  static void countRoundTrips(
      String variant, LocalRedis redis, CacheRuntime runtime, IntFunction<Item> call) {
    CacheStats statsBefore = runtime == null ? null : runtime.stats().cache("items");
    Map<String, Long> before = redis.commandCounts();
    for (int i = 0; i < COUNTED_CALLS; i++) {
      if (call.apply(i & (Workload.KEY_COUNT - 1)) == null) {
        throw new IllegalStateException(variant + ": a call returned null");
      }
    }
    Map<String, Long> commands = LocalRedis.difference(before, redis.commandCounts());
    report(
        variant + " (" + COUNTED_CALLS + " counted calls at set-up)",
        statsBefore,
        runtime,
        commands,
        COUNTED_CALLS);
  }

  /** Prints the commands and tier counts between {@code statsBefore} and now. */
  static void report(
      String what,
      CacheStats statsBefore,
      CacheRuntime runtime,
      Map<String, Long> commands,
      long calls) {
    long total = commands.values().stream().mapToLong(Long::longValue).sum();
    StringBuilder line = new StringBuilder(what).append(": Redis commands ").append(commands);
    if (runtime == null) {
      line.append(String.format(", %.3f round trips per call", (double) total / calls));
    } else {
      CacheStats after = runtime.stats().cache("items");
      long localHits = after.local().hits() - statsBefore.local().hits();
      long localMisses = after.local().misses() - statsBefore.local().misses();
      long sharedHits = after.shared().hits() - statsBefore.shared().hits();
      long loads = after.loads() - statsBefore.loads();
      if (localHits != 0 || loads != 0) {
        // Then the run measured something else than L2 hits: fail it rather than report it.
        throw new IllegalStateException(
            what
                + ": expected only L1 misses answered by L2, but saw "
                + localHits
                + " L1 hits and "
                + loads
                + " loads");
      }
      line.append(
          String.format(
              "; L1 hits %d, L1 misses %d, L2 hits %d, loads %d; %.3f round trips per L1 miss",
              localHits, localMisses, sharedHits, loads, (double) total / localMisses));
    }
    System.out.println(System.lineSeparator() + line);
  }

  /** A decorator over a Redis runtime with L1 disabled; counts its round trips. */
  @State(Scope.Benchmark)
  public abstract static class OverRedis {
    LocalRedis redis;
    CacheRuntime runtime;
    ItemService service;
    private CacheStats statsAtStart;
    private Map<String, Long> commandsAtStart;

    /** The name printed with the counts. */
    abstract String variant();

    /** The decorator under test. */
    abstract ItemService decorate(ItemService delegate, CacheRuntime runtime);

    @Setup(Level.Trial)
    public void setUp() {
      redis = LocalRedis.start();
      redis.flush();
      runtime = sharedOnlyRuntime(redis);
      service = decorate(new CatalogItemService(), runtime);
      fill(service);
      countRoundTrips(variant(), redis, runtime, i -> service.find(Workload.id(i)));
      statsAtStart = runtime.stats().cache("items");
      commandsAtStart = redis.commandCounts();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      Map<String, Long> commands = LocalRedis.difference(commandsAtStart, redis.commandCounts());
      report(
          variant() + " (whole run: warm-up and measurement)", statsAtStart, runtime, commands, 0);
      runtime.close();
      redis.close();
    }
  }

  /** The generated {@code CachedItemService}. */
  public static class Generated extends OverRedis {
    @Override
    String variant() {
      return "generated";
    }

    @Override
    ItemService decorate(ItemService delegate, CacheRuntime runtime) {
      return new CachedItemService(delegate, runtime);
    }
  }

  /** The runtime API called by hand, as the generated code calls it. */
  public static class RuntimeApi extends OverRedis {
    @Override
    String variant() {
      return "runtimeApi";
    }

    @Override
    ItemService decorate(ItemService delegate, CacheRuntime runtime) {
      return new RuntimeApiItemService(delegate, runtime);
    }
  }

  /**
   * The baseline: cache-aside over Redis written by hand, with no cachegen at all. Values are
   * stored as plain JSON under {@code items:<id>}; a hit is a GET and a Jackson decode.
   */
  @State(Scope.Benchmark)
  public static class RawJedis {
    LocalRedis redis;
    RedisClient client;
    ObjectReader reader;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
      redis = LocalRedis.start();
      redis.flush();
      client = client(redis);
      JsonMapper mapper = JsonMapper.builder().build();
      reader = mapper.readerFor(Item.class);
      ObjectWriter writer = mapper.writerFor(Item.class);
      CatalogItemService delegate = new CatalogItemService();
      for (int i = 0; i < Workload.KEY_COUNT; i++) {
        long id = Workload.id(i);
        client.set(key(id), writer.writeValueAsBytes(delegate.find(id)));
      }
      countRoundTrips(
          "rawJedis",
          redis,
          null,
          i -> {
            try {
              return find(Workload.id(i));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }

    /**
     * A pooled client with the same connection settings as the runtime's defaults: 250 ms timeouts,
     * 16 connections.
     */
    static RedisClient client(LocalRedis redis) {
      return RedisClient.builder()
          .hostAndPort("127.0.0.1", java.net.URI.create(redis.uri()).getPort())
          .clientConfig(
              DefaultJedisClientConfig.builder()
                  .connectionTimeoutMillis(250)
                  .socketTimeoutMillis(250)
                  .clientName("raw")
                  .build())
          .poolConfig(pool())
          .build();
    }

    Item find(long id) throws IOException {
      byte[] bytes = client.get(key(id));
      return reader.readValue(bytes);
    }

    private static byte[] key(long id) {
      return ("items:" + id).getBytes(StandardCharsets.UTF_8);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      client.close();
      redis.close();
    }

    private static ConnectionPoolConfig pool() {
      ConnectionPoolConfig pool = new ConnectionPoolConfig();
      pool.setMaxTotal(16);
      pool.setMaxIdle(16);
      pool.setMinIdle(0);
      pool.setMaxWait(Duration.ofMillis(250));
      pool.setJmxEnabled(false);
      return pool;
    }
  }
}
