package dev.cachegen.tests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachegen.runtime.CacheEntry;
import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.runtime.Keys;
import dev.cachegen.runtime.TieredCache;
import dev.cachegen.runtime.testing.RedisServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code StampedePolicy.LOCK} across two real JVMs: this test's and a {@link StampedeNode}. */
class StampedeProcessTest {
  private static RedisServer redis;

  @BeforeAll
  static void startRedis() {
    redis = RedisServer.start();
  }

  @AfterAll
  static void stopRedis() {
    redis.close();
  }

  @Test
  void manyThreadsInTwoJvmsLoadAHotKeyOnce() throws Exception {
    String prefix = "sp-" + UUID.randomUUID().toString().substring(0, 8);
    ExecutorService threads = Executors.newFixedThreadPool(16);
    try (CacheRuntime here = CacheRuntime.builder().redis(redis.uri()).keyPrefix(prefix).build();
        Node child = Node.start(redis.uri(), prefix)) {
      TieredCache<String> hot = here.cache(StampedeNode.HOT);
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
                      () -> {
                        loads.incrementAndGet();
                        assertTrue(release.await(30, TimeUnit.SECONDS), "never released");
                        return "loaded-here";
                      });
                }));
      }
      // This JVM holds the lock and is loading; the child's 16 callers must wait, not load.
      awaitUntil(() -> loads.get() == 1);
      assertEquals("started", child.send("get k 16"));
      awaitUntil(() -> child.send("stats").startsWith("loads 0 waits 1 "));
      release.countDown();

      assertEquals("values loaded-here", child.send("join"), "the child got this JVM's value");
      for (Future<String> call : calls) {
        assertEquals("loaded-here", call.get(30, TimeUnit.SECONDS));
      }
      assertEquals(1, loads.get());
      assertEquals("loads 0 waits 1 acquisitions 0", child.send("stats"));
      assertEquals(1, here.stats().cache(StampedeNode.HOT.name()).lockAcquisitions());
    } finally {
      threads.shutdownNow();
    }
  }

  private static void awaitUntil(java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 30 s");
      }
      Thread.onSpinWait();
    }
  }

  /** A {@link StampedeNode} in its own JVM with the test's class path. */
  private static final class Node implements AutoCloseable {
    private final Process process;
    private final PrintWriter commands;
    private final BufferedReader answers;

    private Node(Process process) {
      this.process = process;
      this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
      this.answers =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static Node start(String redisUri, String prefix) throws Exception {
      Process process =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                  "-Dorg.slf4j.simpleLogger.logFile=System.err",
                  StampedeNode.class.getName(),
                  redisUri,
                  prefix)
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      Node node = new Node(process);
      assertEquals("ready", node.next());
      return node;
    }

    /** Sends one command and returns the one-line answer; a dead child fails the test. */
    String send(String command) {
      commands.println(command);
      return next();
    }

    private String next() {
      try {
        String line = answers.readLine();
        if (line == null) {
          throw new AssertionError("the child ended (alive: " + process.isAlive() + ")");
        }
        return line;
      } catch (java.io.IOException e) {
        throw new AssertionError(e);
      }
    }

    @Override
    public void close() {
      if (process.isAlive()) {
        commands.println("quit");
        try {
          if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          process.destroyForcibly();
        }
      }
    }
  }
}
