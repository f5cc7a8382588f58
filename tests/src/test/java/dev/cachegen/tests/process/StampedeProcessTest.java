package dev.cachegen.tests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.runtime.internal.Cache;
import dev.cachegen.runtime.internal.CacheEntry;
import dev.cachegen.runtime.internal.Keys;
import dev.cachegen.testing.Await;
import dev.cachegen.testing.ChildJvm;
import dev.cachegen.testing.RedisExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code StampedePolicy.LOCK} across two real JVMs: this test's and a {@link StampedeNode}. */
class StampedeProcessTest {
  @RegisterExtension static final RedisExtension redis = RedisExtension.perClass();

  @Test
  void manyThreadsInTwoJvmsLoadAHotKeyOnce() throws Exception {
    String prefix = redis.keyPrefix();
    ExecutorService threads = Executors.newFixedThreadPool(16);
    try (CacheRuntime here = CacheRuntime.builder().redis(redis.uri()).keyPrefix(prefix).build();
        ChildJvm child =
            ChildJvm.builder(StampedeNode.class)
                .arguments(redis.uri(), prefix)
                .systemProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn")
                .start()) {
      child.expect("ready");
      Cache<String> hot = here.cache(StampedeNode.HOT);
      AtomicInteger loads = new AtomicInteger();
      CountDownLatch release = new CountDownLatch(1);
      List<Future<String>> calls = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        calls.add(
            threads.submit(
                () -> {
                  Object key = Keys.local("k");
                  CacheEntry<String> cached = hot.getIfPresent(key);
                  if (cached != null) {
                    return cached.value();
                  }
                  return hot.get(
                      key,
                      hot.sharedKey().value("k").build(),
                      null,
                      () -> {
                        loads.incrementAndGet();
                        assertTrue(release.await(30, TimeUnit.SECONDS), "never released");
                        return "loaded-here";
                      });
                }));
      }
      // This JVM holds the lock and is loading; the child's 16 callers must wait, not load.
      Await.until(() -> loads.get() == 1);
      assertEquals("started", child.send("get k 16"));
      Await.until(() -> child.send("stats").startsWith("loads 0 waits 1 "));
      release.countDown();

      assertEquals("values loaded-here", child.send("join"), "the child got this JVM's value");
      for (Future<String> call : calls) {
        assertEquals("loaded-here", call.get(30, TimeUnit.SECONDS));
      }
      assertEquals(1, loads.get());
      // The child never loads. It may take the lock once without loading: when the owner releases
      // between the child's last look and its next attempt, the child holds the lock, reads the
      // value the owner stored, and serves it.
      String stats = child.send("stats");
      assertTrue(
          stats.equals("loads 0 waits 1 acquisitions 0")
              || stats.equals("loads 0 waits 1 acquisitions 1"),
          stats);
      assertEquals(1, here.stats().cache(StampedeNode.HOT.name()).lockAcquisitions());
    } finally {
      threads.shutdownNow();
    }
  }
}
