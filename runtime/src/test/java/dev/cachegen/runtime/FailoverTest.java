package dev.cachegen.runtime;

import static dev.cachegen.runtime.TestCaches.find;
import static dev.cachegen.runtime.TestCaches.strings;
import static dev.cachegen.runtime.TestRuntimes.awaitSubscribed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachegen.runtime.internal.Cache;
import dev.cachegen.runtime.internal.Keys;
import dev.cachegen.testing.Await;
import dev.cachegen.testing.FaultProxy;
import dev.cachegen.testing.RedisSentinel;
import dev.cachegen.testing.RedisServer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A Sentinel failover that loses a write the old master acknowledged (G5): the replica that is
 * promoted never received it, so the entry it replaced is back on the new master, and no repair is
 * owed for it because its {@code SET} succeeded. The replica replicates through a {@link
 * FaultProxy}, which swallows the write on its way; the failover is a real {@code SENTINEL
 * FAILOVER}, and the old master, demoted, resynchronises from the new one and loses the write too.
 */
class FailoverTest {
  private static final String MASTER = "failover";

  @Test
  void aWriteTheNewMasterNeverReceivedIsNotUndoneByTheEntryItReplaced() {
    try (RedisServer master = RedisServer.start();
        FaultProxy link = FaultProxy.to(master.host(), master.port());
        RedisServer replica =
            RedisServer.startWith("--replicaof", master.host(), Integer.toString(link.port()));
        RedisSentinel sentinel = RedisSentinel.start(MASTER, master);
        CacheRuntime runtime =
            CacheRuntime.builder()
                .redisSentinel(MASTER, sentinel.uri())
                .keyPrefix("failover")
                .build()) {
      Await.until(
          "the sentinel to know the replica",
          () -> sentinel.command("SENTINEL", "REPLICAS", MASTER).contains("slave"),
          Duration.ofSeconds(30));
      Cache<String> cache = runtime.cache(strings("fo.items").build());
      String sharedKey = cache.sharedKey().value("k").build();
      AtomicReference<String> database = new AtomicReference<>("v1");
      awaitSubscribed(runtime);
      assertEquals("v1", find(cache, "k", database::get));
      Await.until("the replica to hold v1", () -> replica.command("EXISTS", sharedKey).equals("1"));

      // The old master acknowledges v2; the replica, about to be promoted, never sees it.
      link.mode(FaultProxy.Mode.BLACK_HOLE);
      database.set("v2");
      cache.put(Keys.local("k"), sharedKey, "v2");
      long resets = runtime.stats().localTierResets();
      failOver(sentinel, replica);
      Await.until(
          "the demoted master to copy the new one",
          () -> master.command("INFO", "replication").contains("master_link_status:up"),
          Duration.ofSeconds(30));
      // The runtime follows: its subscription moves to the new master, dropping the in-process
      // tier, so the next read goes to Redis, where v1 is back.
      Await.until(
          "the subscription on the new master",
          () -> runtime.stats().localTierResets() >= resets + 2,
          Duration.ofSeconds(30));

      assertEquals("v2", find(cache, "k", database::get));
      assertEquals("v2", find(cache, "k", database::get));
      try (CacheRuntime other =
          CacheRuntime.builder()
              .redisSentinel(MASTER, sentinel.uri())
              .keyPrefix("failover")
              .build()) {
        Cache<String> theirs = other.cache(strings("fo.items").build());
        awaitSubscribed(other);
        assertEquals("v2", find(theirs, "k", () -> "must come from the new master"));
      }
    }
  }

  @Test
  void aStampedeLockTakenOnTheOldMasterIsReleasedOnTheNewOne() throws Exception {
    try (RedisServer master = RedisServer.start();
        RedisServer replica =
            RedisServer.startWith("--replicaof", master.host(), Integer.toString(master.port()));
        RedisSentinel sentinel = RedisSentinel.start(MASTER, master);
        CacheRuntime runtime =
            CacheRuntime.builder()
                .redisSentinel(MASTER, sentinel.uri())
                .keyPrefix("lock")
                .build()) {
      awaitReplica(sentinel);
      Cache<String> cache = runtime.cache(strings("fo.locked").build());
      String sharedKey = cache.sharedKey().value("k").build();
      String lockKey = "lock:!lock:" + sharedKey.substring("lock:".length());
      awaitSubscribed(runtime);
      CountDownLatch loading = new CountDownLatch(1);
      CompletableFuture<String> load =
          CompletableFuture.supplyAsync(
              () ->
                  find(
                      cache,
                      "k",
                      () -> {
                        loading.await();
                        return "v";
                      }));
      Await.until("the lock on the replica", () -> replica.command("EXISTS", lockKey).equals("1"));
      long resets = runtime.stats().localTierResets();
      failOver(sentinel, replica);
      Await.until(
          "the subscription on the new master",
          () -> runtime.stats().localTierResets() >= resets + 2,
          Duration.ofSeconds(30));

      // The load ends: storing its value and releasing the lock is the first command the runtime
      // sends to the new master.
      loading.countDown();
      assertEquals("v", load.get(10, TimeUnit.SECONDS));
      assertEquals(
          "0", replica.command("EXISTS", lockKey), "the lock outlived its owner's release");
      assertTrue(replica.command("EXISTS", sharedKey).equals("1"));
    }
  }

  private static void awaitReplica(RedisSentinel sentinel) {
    Await.until(
        "the sentinel to know the replica",
        () -> sentinel.command("SENTINEL", "REPLICAS", MASTER).contains("slave"),
        Duration.ofSeconds(30));
  }

  private static void failOver(RedisSentinel sentinel, RedisServer replica) {
    assertTrue(
        sentinel.failOver(Duration.ofSeconds(30)).endsWith(":" + replica.port()),
        "the sentinel names the replica");
  }
}
