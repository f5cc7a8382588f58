package dev.cachegen.benchmarks;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.cachegen.runtime.CacheRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongFunction;
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
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * A cold miss: every call asks for a key nobody asked for before, so it misses the in-process tier
 * (disabled, as in {@link L2HitBenchmark}) and Redis, calls the delegate and stores the value. The
 * baseline is the same cache-aside written by hand with a pooled Jedis client: {@code GET}, then a
 * Jackson encode and {@code SET PX}. {@code locked} adds the stampede lock ({@code
 * StampedePolicy.LOCK}), {@code unlocked} does not ({@code NONE}); read both as ratios to {@code
 * rawJedis}, and {@code locked} to {@code unlocked}.
 *
 * <p>Each state counts with {@code INFO commandstats} the commands a fixed number of misses cost
 * and prints them per miss. Commands a script runs inside Redis count there too, so the round trips
 * are the {@code get}, {@code set} and {@code evalsha} a client sent; {@code LockRoundTripsTest}
 * asserts them exactly.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class MissBenchmark {
  private static final int COUNTED_MISSES = 1_000;
  private static final long TTL_MILLIS = 10_000;

  /** The baseline: GET, load, encode, SET PX, by hand. */
  @Benchmark
  public Item rawJedis(RawJedis state, ColdKeys keys) {
    return state.find(keys.next());
  }

  /** The generated decorator, stampede lock on. */
  @Benchmark
  public Item locked(Generated state, ColdKeys keys) {
    return state.service.locked(keys.next());
  }

  /** The generated decorator, stampede lock off. */
  @Benchmark
  public Item unlocked(Generated state, ColdKeys keys) {
    return state.service.unlocked(keys.next());
  }

  /** Ids never asked for before in this trial: every call is a cold miss. */
  @State(Scope.Thread)
  public static class ColdKeys {
    private long next = 1_000_000_000L;

    long next() {
      return next++;
    }
  }

  /** The delegate: builds an item, counts the call. */
  static final class Delegate implements MissItems {
    final LongAdder loads = new LongAdder();

    @Override
    public Item locked(long id) {
      loads.increment();
      return CatalogItemService.item("", id);
    }

    @Override
    public Item unlocked(long id) {
      loads.increment();
      return CatalogItemService.item("", id);
    }
  }

  /** Runs {@link #COUNTED_MISSES} misses from {@code firstId} and prints their Redis commands. */
  static void countRoundTrips(
      String variant, LocalRedis redis, long firstId, LongFunction<Item> call) {
    Map<String, Long> before = redis.commandCounts();
    for (int i = 0; i < COUNTED_MISSES; i++) {
      if (call.apply(firstId + i) == null) {
        throw new IllegalStateException(variant + ": a call returned null");
      }
    }
    Map<String, Long> commands = LocalRedis.difference(before, redis.commandCounts());
    StringBuilder line = new StringBuilder(System.lineSeparator()).append(variant).append(':');
    commands.forEach(
        (command, count) ->
            line.append(String.format(" %s %.2f", command, (double) count / COUNTED_MISSES)));
    System.out.println(line.append(" per miss (script-internal commands included)"));
  }

  /** The generated {@code CachedMissItems} over a runtime with Redis and L1 disabled. */
  @State(Scope.Benchmark)
  public static class Generated {
    LocalRedis redis;
    CacheRuntime runtime;
    Delegate delegate;
    MissItems service;

    @Setup(Level.Trial)
    public void setUp() {
      redis = LocalRedis.start();
      redis.flush();
      runtime = L2HitBenchmark.sharedOnlyRuntime(redis);
      delegate = new Delegate();
      service = new CachedMissItems(delegate, runtime);
      LocalRedis.awaitSubscribed(runtime);
      // Connections, generations and scripts in place before counting.
      service.locked(1);
      service.unlocked(1);
      countRoundTrips("locked", redis, 10, service::locked);
      countRoundTrips("unlocked", redis, 10, service::unlocked);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      runtime.close();
      redis.close();
    }
  }

  /** Cache-aside over a pooled Jedis client, by hand, with the runtime's default pool settings. */
  @State(Scope.Benchmark)
  public static class RawJedis {
    LocalRedis redis;
    RedisClient client;
    ObjectWriter writer;
    com.fasterxml.jackson.databind.ObjectReader reader;
    Delegate delegate;

    @Setup(Level.Trial)
    public void setUp() {
      redis = LocalRedis.start();
      redis.flush();
      client = L2HitBenchmark.RawJedis.client(redis);
      JsonMapper mapper = JsonMapper.builder().build();
      writer = mapper.writerFor(Item.class);
      reader = mapper.readerFor(Item.class);
      delegate = new Delegate();
      find(1);
      countRoundTrips("rawJedis", redis, 10, this::find);
    }

    Item find(long id) {
      byte[] key = ("items:" + id).getBytes(StandardCharsets.UTF_8);
      try {
        byte[] cached = client.get(key);
        if (cached != null) {
          return reader.readValue(cached);
        }
        Item loaded = delegate.locked(id);
        client.set(key, writer.writeValueAsBytes(loaded), SetParams.setParams().px(TTL_MILLIS));
        return loaded;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      client.close();
      redis.close();
    }
  }
}
