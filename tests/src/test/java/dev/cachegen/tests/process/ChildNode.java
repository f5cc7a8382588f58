package dev.cachegen.tests.process;

import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.runtime.internal.Cache;
import dev.cachegen.runtime.internal.CacheDefinition;
import dev.cachegen.runtime.internal.CacheEntry;
import dev.cachegen.runtime.internal.Keys;
import dev.cachegen.runtime.internal.Tags;
import dev.cachegen.runtime.internal.WriteBehindDefinition;
import dev.cachegen.runtime.internal.WriteBehindQueue;
import dev.cachegen.testing.Await;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import redis.clients.jedis.RedisClient;

/**
 * The other JVM of the multi-process tests: a runtime on the given Redis and key prefix, driven by
 * one-line commands on standard input, answering one line each on standard output.
 *
 * <pre>
 * cache mode:  get ID [TAG]  -> "value V loads N" | put ID V -> "ok" | invalidate ID -> "ok"
 *              tag T -> "ok" | events -> "events N" | quit
 * writes mode: enqueue FROM TO -> "enqueued" (calls record their id in the Redis hash APPLIED)
 * </pre>
 */
public final class ChildNode {
  static final CacheDefinition<String> ITEMS =
      CacheDefinition.<String>builder("proc.items", String.class)
          .shape("1")
          .ttlNanos(TimeUnit.MINUTES.toNanos(5))
          .build();

  /** A write-behind call: record one id in the hash of applied writes. */
  public record Apply(String hash, int id) {}

  static final WriteBehindDefinition<Apply> APPLY =
      WriteBehindDefinition.<Apply>builder("proc.apply", Apply.class).build();

  private ChildNode() {}

  public static void main(String[] args) throws Exception {
    String redisUri = args[0];
    String prefix = args[1];
    String mode = args[2];
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    try (CacheRuntime runtime =
        CacheRuntime.builder()
            .redis(redisUri)
            .keyPrefix(prefix)
            .writeBehindClaimAfter(Duration.ofMillis(500))
            .build()) {
      if (mode.equals("cache")) {
        serveCache(runtime, in);
      } else {
        serveWrites(runtime, redisUri, in);
      }
    }
  }

  private static void serveCache(CacheRuntime runtime, BufferedReader in) throws Exception {
    Cache<String> items = runtime.cache(ITEMS);
    AtomicInteger loads = new AtomicInteger();
    Await.until("runtime to subscribe to events", () -> runtime.stats().localTierResets() >= 1);
    System.out.println("ready");
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String[] words = line.split(" ");
      switch (words[0]) {
        case "get":
          {
            String id = words[1];
            String[] tags = words.length > 2 ? new String[] {words[2]} : new String[0];
            Object key = Keys.local(id);
            CacheEntry<String> cached = items.getIfPresent(key);
            String value =
                cached != null
                    ? cached.value()
                    : items.get(
                        key,
                        items.sharedKey().value(id).build(),
                        tags,
                        null,
                        () -> "child-" + id + "-" + loads.incrementAndGet());
            System.out.println("value " + value + " loads " + loads.get());
            break;
          }
        case "put":
          items.put(Keys.local(words[1]), items.sharedKey().value(words[1]).build(), words[2]);
          System.out.println("ok");
          break;
        case "invalidate":
          items.invalidate(Keys.local(words[1]), items.sharedKey().value(words[1]).build());
          System.out.println("ok");
          break;
        case "tag":
          runtime.invalidateTags(Tags.builder().literal(words[1]).build());
          System.out.println("ok");
          break;
        case "events":
          System.out.println("events " + runtime.stats().eventsReceived());
          break;
        case "quit":
          return;
        default:
          System.out.println("unknown " + line);
      }
    }
  }

  private static void serveWrites(CacheRuntime runtime, String redisUri, BufferedReader in)
      throws Exception {
    try (RedisClient redis = RedisClient.create(redisUri)) {
      WriteBehindQueue<Apply> queue =
          runtime.writeBehind(
              APPLY,
              call -> {
                // A slow delegate, so that a kill lands while calls are still queued.
                Thread.sleep(5);
                redis.hincrBy(call.hash(), Integer.toString(call.id()), 1);
              });
      System.out.println("ready");
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] words = line.split(" ");
        if (words[0].equals("enqueue")) {
          for (int id = Integer.parseInt(words[2]); id < Integer.parseInt(words[3]); id++) {
            queue.enqueue(new Apply(words[1], id));
          }
          System.out.println("enqueued");
        } else if (words[0].equals("quit")) {
          return;
        }
      }
    }
  }
}
