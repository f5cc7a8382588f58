package dev.cachegen.tests.chaos;

import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.runtime.Decorators;
import dev.cachegen.testing.Await;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * One of the chaos suite's JVMs: a runtime on the cache's Redis (through this node's fault proxy,
 * or through a sentinel), the generated {@code CachedVersionStore} over the shared {@link
 * Database}, and a workload that logs every call to files the parent reads afterwards.
 *
 * <p>Each key has one owner, node {@code key % nodes}, whose single writer thread writes it: writes
 * of one key never overlap, so their versions grow with time, and a read can be judged against them
 * (two write-throughs of one key racing in two JVMs may store the older value last; that is the
 * write-through pattern, not coherence). Two readers read random keys; a watcher reads the other
 * nodes' keys in a tight loop and logs each change it sees, from which the parent measures how long
 * a write takes to reach this JVM.
 *
 * <p>Arguments: node index, node count, key count, Redis ({@code redis://...} or {@code
 * sentinel:<master>:<uri>}), the database's URI, key prefix, log folder. Commands on standard
 * input, one answer line each: {@code start}, {@code stop}, {@code close} (answers {@code closed
 * <heap before> <heap after> <threads before> <threads after>}).
 *
 * <p>Log lines: {@code kind node key version startMicros endMicros error}, kind one of {@code R}
 * (read), {@code V} (a read of the watcher that saw a change), {@code W} (write-through), {@code I}
 * (write and invalidate), {@code B} (write-behind call; key is the call's id). Times are
 * microseconds of the wall clock ({@link Instant#now()}), which every process on one machine
 * shares.
 */
public final class ChaosNode {
  private static final Duration WRITE_PAUSE = Duration.ofMillis(15);
  private static final Duration READ_PAUSE = Duration.ofMillis(2);
  private static final long WATCH_PAUSE_NANOS = TimeUnit.MICROSECONDS.toNanos(250);

  private final int index;
  private final int nodes;
  private final int keys;
  private final VersionStore store;
  private final Path logs;
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running;

  private ChaosNode(int index, int nodes, int keys, VersionStore store, Path logs) {
    this.index = index;
    this.nodes = nodes;
    this.keys = keys;
    this.store = store;
    this.logs = logs;
  }

  public static void main(String[] args) throws Exception {
    int index = Integer.parseInt(args[0]);
    int nodes = Integer.parseInt(args[1]);
    int keys = Integer.parseInt(args[2]);
    CacheRuntime.Builder builder =
        CacheRuntime.builder().keyPrefix(args[5]).writeBehindClaimAfter(Duration.ofSeconds(2));
    if (args[3].startsWith("sentinel:")) {
      String[] parts = args[3].split(":", 3);
      builder.redisSentinel(parts[1], parts[2]);
    } else {
      builder.redis(args[3]);
    }
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    try (Database database = new Database(args[4])) {
      CacheRuntime runtime = builder.build();
      VersionStore store = Decorators.decorate(VersionStore.class, database, runtime);
      Await.until(
          "the runtime to subscribe to events",
          () -> runtime.stats().localTierResets() >= 1,
          Duration.ofMinutes(1));
      ChaosNode node = new ChaosNode(index, nodes, keys, store, Path.of(args[6]));
      System.out.println("ready");
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        switch (line) {
          case "start" -> {
            node.start();
            System.out.println("started");
          }
          case "stop" -> {
            node.stop();
            System.out.println("stopped");
          }
          case "close" -> {
            System.out.println(closed(runtime));
            return;
          }
          default -> System.out.println("unknown " + line);
        }
      }
      // The parent went away without "close": stop working and let the JVM end.
      node.stop();
      runtime.close();
    }
  }

  /** Closes {@code runtime}, sampling the heap and the live threads before and after. */
  private static String closed(CacheRuntime runtime) {
    long heapBefore = usedHeap();
    int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
    runtime.close();
    long heapAfter = usedHeap();
    int threadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();
    return "closed " + heapBefore + " " + heapAfter + " " + threadsBefore + " " + threadsAfter;
  }

  private static long usedHeap() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  static String key(int number) {
    return "k" + number;
  }

  private void start() {
    running = true;
    spawn("writer", this::write);
    spawn("reader-1", this::read);
    spawn("reader-2", this::read);
    spawn("watcher", this::watch);
  }

  private void stop() throws InterruptedException {
    running = false;
    for (Thread thread : threads) {
      thread.join();
    }
    threads.clear();
  }

  private void spawn(String name, Workload workload) {
    Thread thread =
        new Thread(
            () -> {
              try (OpLog log =
                  new OpLog(index, logs.resolve("node" + index + "-" + name + ".log"))) {
                workload.run(log);
              }
            },
            "chaos-" + name);
    thread.start();
    threads.add(thread);
  }

  private void write(OpLog log) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long calls = 0;
    while (running) {
      int owned = index + nodes * random.nextInt((keys - index + nodes - 1) / nodes);
      String key = key(owned);
      double choice = random.nextDouble();
      if (choice < 0.6) {
        log.call("W", key, () -> store.write(key).version());
      } else if (choice < 0.85) {
        log.call("I", key, () -> store.bump(key));
      } else {
        String id = "n" + index + "-" + ++calls;
        long number = calls;
        log.call(
            "B",
            id,
            () -> {
              store.record(new VersionStore.Call(id));
              return number;
            });
      }
      pause(WRITE_PAUSE.toNanos());
    }
  }

  private void read(OpLog log) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    while (running) {
      String key = key(random.nextInt(keys));
      log.call("R", key, () -> store.read(key).version());
      pause(READ_PAUSE.toNanos());
    }
  }

  private void watch(OpLog log) {
    long[] seen = new long[keys];
    while (running) {
      for (int number = 0; number < keys; number++) {
        if (number % nodes == index) {
          continue; // its own keys: the writer's, seen at once
        }
        String key = key(number);
        long start = OpLog.now();
        try {
          long version = store.read(key).version();
          if (version != seen[number]) {
            seen[number] = version;
            log.line("V", key, version, start, OpLog.now(), "-");
          }
        } catch (RuntimeException e) {
          log.line("V", key, -1, start, OpLog.now(), e.getClass().getName());
        }
      }
      pause(WATCH_PAUSE_NANOS);
    }
  }

  private static void pause(long nanos) {
    LockSupport.parkNanos(nanos);
  }

  /** One thread's work, given the thread's log. */
  private interface Workload {
    void run(OpLog log);
  }

  /** One thread's log file. */
  private static final class OpLog implements AutoCloseable {
    private final int index;
    private final BufferedWriter out;

    OpLog(int index, Path file) {
      this.index = index;
      try {
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    static long now() {
      Instant now = Instant.now();
      return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    /** Calls {@code call}, which answers a version, and logs it, or the exception it threw. */
    void call(String kind, String key, Supplier<Long> call) {
      long start = now();
      long version = -1;
      String error = "-";
      try {
        version = call.get();
      } catch (RuntimeException e) {
        error = e.getClass().getName();
      }
      line(kind, key, version, start, now(), error);
    }

    void line(String kind, String key, long version, long start, long end, String error) {
      try {
        out.write(
            kind + " " + index + " " + key + " " + version + " " + start + " " + end + " " + error);
        out.newLine();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      try {
        out.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
