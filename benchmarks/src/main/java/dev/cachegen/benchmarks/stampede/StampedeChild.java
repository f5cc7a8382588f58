package dev.cachegen.benchmarks.stampede;

import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.runtime.internal.Cache;
import dev.cachegen.runtime.internal.CacheEntry;
import dev.cachegen.runtime.internal.Keys;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One JVM of the stampede harness: many threads call a cached method on a few hot keys until the
 * end of the run, through the runtime exactly as a generated decorator does. Writes every call's
 * start and latency ({@code <out>.latencies}, pairs of big-endian longs: milliseconds since the
 * start of the run, nanoseconds) and the start of every delegate call ({@code <out>.loads}, lines
 * of {@code epochMillis key}).
 *
 * <p>Arguments: {@code redisUri prefix scenario threads keys delegateMillis ttlMillis startAtEpoch
 * endAtEpoch outPrefix}.
 */
public final class StampedeChild {
  private StampedeChild() {}

  /** Runs one child; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    String redisUri = args[0];
    String prefix = args[1];
    Scenario scenario = Scenario.valueOf(args[2]);
    int threads = Integer.parseInt(args[3]);
    int keys = Integer.parseInt(args[4]);
    long delegateMillis = Long.parseLong(args[5]);
    long ttlMillis = Long.parseLong(args[6]);
    long startAt = Long.parseLong(args[7]);
    long endAt = Long.parseLong(args[8]);
    Path out = Path.of(args[9]);

    ConcurrentLinkedQueue<String> loads = new ConcurrentLinkedQueue<>();
    List<long[]> latencies = new ArrayList<>();
    try (CacheRuntime runtime = CacheRuntime.builder().redis(redisUri).keyPrefix(prefix).build()) {
      Cache<String> cache = runtime.cache(scenario.definition(ttlMillis));
      boolean checksFreshness = scenario.checksFreshness();
      List<Thread> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        long[][] mine = {new long[1 << 14]};
        int[] count = {0};
        Thread worker =
            new Thread(
                () -> {
                  sleepUntil(startAt);
                  ThreadLocalRandom random = ThreadLocalRandom.current();
                  while (System.currentTimeMillis() < endAt) {
                    String id = "hot-" + random.nextInt(keys);
                    long startedAt = System.currentTimeMillis() - startAt;
                    long start = System.nanoTime();
                    read(cache, checksFreshness, id, delegateMillis, loads);
                    long latency = System.nanoTime() - start;
                    if (count[0] + 2 > mine[0].length) {
                      mine[0] = Arrays.copyOf(mine[0], 2 * mine[0].length);
                    }
                    mine[0][count[0]++] = startedAt;
                    mine[0][count[0]++] = latency;
                    // A short think time keeps the data small; callers still overlap every load.
                    pause();
                  }
                  synchronized (latencies) {
                    latencies.add(Arrays.copyOf(mine[0], count[0]));
                  }
                },
                "caller-" + t);
        workers.add(worker);
        worker.start();
      }
      for (Thread worker : workers) {
        worker.join();
      }
    }
    try (DataOutputStream data =
        new DataOutputStream(
            new BufferedOutputStream(Files.newOutputStream(Path.of(out + ".latencies"))))) {
      for (long[] values : latencies) {
        for (long value : values) {
          data.writeLong(value);
        }
      }
    }
    try (PrintWriter lines =
        new PrintWriter(Files.newBufferedWriter(Path.of(out + ".loads"), StandardCharsets.UTF_8))) {
      loads.forEach(lines::println);
    }
    System.out.println("done");
  }

  /** The body of a generated {@code String find(String id)}. */
  private static String read(
      Cache<String> cache,
      boolean checksFreshness,
      String id,
      long delegateMillis,
      ConcurrentLinkedQueue<String> loads) {
    Object key = Keys.local(id);
    CacheEntry<String> cached = cache.getIfPresent(key);
    if (cached != null && (!checksFreshness || !cache.refreshDue(cached))) {
      return cached.value();
    }
    return cache.get(
        key,
        cache.sharedKey().value(id).build(),
        cached,
        () -> {
          long now = System.currentTimeMillis();
          loads.add(now + " " + id);
          TimeUnit.MILLISECONDS.sleep(delegateMillis); // the slow database
          return id + "@" + now;
        });
  }

  private static void pause() {
    try {
      Thread.sleep(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleepUntil(long epochMillis) {
    long wait = epochMillis - System.currentTimeMillis();
    if (wait > 0) {
      try {
        Thread.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
