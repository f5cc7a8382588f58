package dev.cachegen.benchmarks;

import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.runtime.CoherenceMode;
import dev.cachegen.runtime.internal.Cache;
import dev.cachegen.runtime.internal.Keys;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Jedis;

/**
 * How long a write takes to leave another runtime's in-process tier, per {@link CoherenceMode}: the
 * time from the start of the writing call to the moment a reader, polling its L1 in a busy loop, no
 * longer finds the entry. Two runtimes (writer and reader, in this JVM) share a loopback Redis; the
 * writer is a cachegen {@code put}, or, for the tracking modes, a plain {@code SET} by a client
 * that is not cachegen. Each round uses a key of its own that the reader read from Redis (so no
 * report of an earlier write can fall into the round). Not a JMH benchmark: latency per event, not
 * throughput. Prints the median, the 90th and 99th percentiles and the maximum.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.cachegen.benchmarks.InvalidationDelay [rounds]
 * </pre>
 */
public final class InvalidationDelay {
  private InvalidationDelay() {}

  /** A write of the entry with {@code id}, by whichever writer the row measures. */
  private interface Writer {
    void write(long id);
  }

  public static void main(String[] args) throws InterruptedException {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
    System.out.printf(
        "%-22s %-16s %9s %9s %9s %9s%n", "mode", "writer", "p50 us", "p90 us", "p99 us", "max us");
    try (LocalRedis redis = LocalRedis.start()) {
      for (CoherenceMode mode : CoherenceMode.values()) {
        measure(redis, mode, false, rounds);
        if (mode != CoherenceMode.EVENTS) {
          measure(redis, mode, true, rounds);
        }
      }
    }
  }

  private static void measure(LocalRedis redis, CoherenceMode mode, boolean outside, int rounds)
      throws InterruptedException {
    redis.flush();
    try (CacheRuntime writerRuntime = node(redis, mode);
        CacheRuntime readerRuntime = node(redis, mode);
        Jedis plain = new Jedis(URI.create(redis.uri()))) {
      CatalogItemService delegate = new CatalogItemService();
      Cache<Item> onWriter = writerRuntime.cache(RuntimeApiItemService.ITEMS);
      RuntimeApiItemService reader = new RuntimeApiItemService(delegate, readerRuntime);
      Cache<Item> onReader = reader.items();
      Writer writer =
          outside
              ? id -> plain.set(onWriter.sharedKey().value(id).build(), "written elsewhere")
              : id ->
                  onWriter.put(
                      Keys.local(id), onWriter.sharedKey().value(id).build(), delegate.find(id));
      // Every key in Redis first, written by the writer; then let every report of it arrive.
      for (int round = 0; round < rounds; round++) {
        long id = round;
        onWriter.put(Keys.local(id), onWriter.sharedKey().value(id).build(), delegate.find(id));
      }
      TimeUnit.SECONDS.sleep(1);
      long[] delays = new long[rounds];
      for (int round = 0; round < rounds; round++) {
        long id = round;
        Object key = Keys.local(id);
        // From Redis: a read reports nothing. A late second notice of the previous round's write
        // (an event and a report, in EVENTS_AND_TRACKING) can make a read that overlaps it not
        // store its value, as any invalidation of the cache does: read again.
        for (int attempt = 0; onReader.getIfPresent(key) == null; attempt++) {
          if (attempt == 100) {
            throw new IllegalStateException("the reader did not keep " + id + " in-process");
          }
          reader.find(id);
        }
        long start = System.nanoTime();
        writer.write(id);
        while (onReader.getIfPresent(key) != null) {
          Thread.onSpinWait();
        }
        delays[round] = System.nanoTime() - start;
      }
      print(mode, outside ? "outside SET" : "cachegen put", delays);
    }
  }

  private static CacheRuntime node(LocalRedis redis, CoherenceMode mode) {
    CacheRuntime runtime = CacheRuntime.builder().redis(redis.uri()).coherence(mode).build();
    LocalRedis.awaitSubscribed(runtime);
    return runtime;
  }

  private static void print(CoherenceMode mode, String writer, long[] delays) {
    Arrays.sort(delays);
    System.out.printf(
        Locale.ROOT,
        "%-22s %-16s %9.0f %9.0f %9.0f %9.0f%n",
        mode,
        writer,
        micros(delays, 0.50),
        micros(delays, 0.90),
        micros(delays, 0.99),
        delays[delays.length - 1] / 1_000.0);
  }

  private static double micros(long[] sorted, double quantile) {
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))]
        / 1_000.0;
  }
}
