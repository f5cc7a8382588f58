package dev.cachegen.tests.process;

import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.runtime.CacheStats;
import dev.cachegen.runtime.internal.Cache;
import dev.cachegen.runtime.internal.CacheDefinition;
import dev.cachegen.runtime.internal.CacheEntry;
import dev.cachegen.runtime.internal.Keys;
import dev.cachegen.testing.Await;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The other JVM of the stampede tests: a runtime whose {@code StampedePolicy.LOCK} cache is read by
 * many threads at once, driven by one-line commands on standard input.
 *
 * <pre>
 * get ID THREADS -> "started"   (THREADS callers of ID, in the background)
 * stats          -> "loads N waits W acquisitions A"
 * join           -> "values V[,V...]" (the distinct values the callers got)
 * quit
 * </pre>
 */
public final class StampedeNode {
  static final CacheDefinition<String> HOT =
      CacheDefinition.<String>builder("proc.hot", String.class)
          .shape("1")
          .ttlNanos(TimeUnit.MINUTES.toNanos(5))
          .build();

  private StampedeNode() {}

  /** Arguments: Redis URI and key prefix. */
  public static void main(String[] args) throws Exception {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    try (CacheRuntime runtime =
        CacheRuntime.builder()
            .redis(args[0])
            .keyPrefix(args[1])
            .stampedeWait(Duration.ofSeconds(60))
            .build()) {
      Cache<String> hot = runtime.cache(HOT);
      AtomicInteger loads = new AtomicInteger();
      List<CompletableFuture<String>> calls = new ArrayList<>();
      Await.until("runtime to subscribe to events", () -> runtime.stats().localTierResets() >= 1);
      System.out.println("ready");
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] words = line.split(" ");
        switch (words[0]) {
          case "get":
            for (int i = 0; i < Integer.parseInt(words[2]); i++) {
              calls.add(CompletableFuture.supplyAsync(() -> read(hot, words[1], loads)));
            }
            System.out.println("started");
            break;
          case "stats":
            {
              CacheStats stats = runtime.stats().cache(HOT.name());
              System.out.println(
                  "loads "
                      + loads.get()
                      + " waits "
                      + stats.lockWaits()
                      + " acquisitions "
                      + stats.lockAcquisitions());
              break;
            }
          case "join":
            {
              TreeSet<String> values = new TreeSet<>();
              for (CompletableFuture<String> call : calls) {
                values.add(call.get(60, TimeUnit.SECONDS));
              }
              calls.clear();
              System.out.println("values " + String.join(",", values));
              break;
            }
          case "quit":
            return;
          default:
            System.out.println("unknown " + line);
        }
      }
    }
  }

  private static String read(Cache<String> hot, String id, AtomicInteger loads) {
    Object key = Keys.local(id);
    CacheEntry<String> cached = hot.getIfPresent(key);
    if (cached != null) {
      return cached.value();
    }
    return hot.get(
        key,
        hot.sharedKey().value(id).build(),
        null,
        () -> "child-" + id + "-" + loads.incrementAndGet());
  }
}
