package dev.cachegen.tests.chaos;

import dev.cachegen.testing.Await;
import dev.cachegen.testing.ChildJvm;
import dev.cachegen.testing.FaultProxy;
import dev.cachegen.testing.RedisSentinel;
import dev.cachegen.testing.RedisServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Three {@link ChaosNode} JVMs, the cache's Redis they share and the {@link Database} under them,
 * with the means to break things between them. Two topologies: {@link #proxied} puts one {@link
 * FaultProxy} between each JVM and a single Redis, for every fault but the failover; {@link
 * #sentinel} gives the JVMs a master, a replica and a sentinel to find the master through, for
 * {@link Fault#FAILOVER}. The cache's Redis keeps an append-only file synced on every write, so a
 * {@code kill -9} loses nothing it acknowledged (write-behind calls included); the README's
 * "Write-behind durability" table says what weaker settings lose.
 */
final class ChaosCluster implements AutoCloseable {
  static final int NODES = 3;
  static final int KEYS = 12;
  private static final String MASTER = "chaos";
  private static final Duration STARTUP = Duration.ofMinutes(2);
  private static final String[] DURABLE = {"--appendonly", "yes", "--appendfsync", "always"};

  private final List<AutoCloseable> resources = new ArrayList<>();
  private RedisServer database;
  private RedisServer redis; // the proxied topology's, or the sentinel's first master
  private RedisServer replica; // the sentinel topology's only
  private RedisSentinel sentinel;
  private final List<FaultProxy> proxies = new ArrayList<>();
  private final List<ChildJvm> nodes = new ArrayList<>();
  private final List<FaultWindow> faults = new ArrayList<>();
  private StallProbe probe;
  private final Path logs;
  private final String prefix = "chaos";

  private ChaosCluster(boolean withSentinel) {
    try {
      logs = Files.createTempDirectory("cachegen-chaos-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      startAll(withSentinel);
    } catch (RuntimeException | Error e) {
      close();
      throw e;
    }
  }

  private void startAll(boolean withSentinel) {
    database = own(RedisServer.start());
    redis = own(RedisServer.startWith(DURABLE));
    if (withSentinel) {
      List<String> replicaOptions = new ArrayList<>(List.of(DURABLE));
      replicaOptions.addAll(List.of("--replicaof", redis.host(), Integer.toString(redis.port())));
      replica = own(RedisServer.startWith(replicaOptions.toArray(String[]::new)));
      sentinel = own(RedisSentinel.start(MASTER, redis));
      Await.until(
          "the sentinel to know the replica",
          () -> sentinel.command("SENTINEL", "REPLICAS", MASTER).contains("slave"),
          Duration.ofSeconds(30));
    } else {
      replica = null;
      sentinel = null;
      for (int node = 0; node < NODES; node++) {
        proxies.add(own(FaultProxy.to(redis.host(), redis.port())));
      }
    }
    probe = own(new StallProbe(withSentinel ? List.of(redis, replica) : List.of(redis)));
    for (int node = 0; node < NODES; node++) {
      String uri =
          withSentinel ? "sentinel:" + MASTER + ":" + sentinel.uri() : proxies.get(node).uri();
      ChildJvm child =
          own(
              ChildJvm.builder(ChaosNode.class)
                  .arguments(
                      Integer.toString(node),
                      Integer.toString(NODES),
                      Integer.toString(KEYS),
                      uri,
                      database.uri(),
                      prefix,
                      logs.toString())
                  .jvmOption("-Xmx256m")
                  .systemProperty("org.slf4j.simpleLogger.defaultLogLevel", "error")
                  .start());
      nodes.add(child);
    }
    for (ChildJvm child : nodes) {
      // Three JVMs starting at once on a busy machine of two cores may take longer than a reply.
      expect(child.nextLine(STARTUP), "ready");
    }
  }

  /** Three JVMs, each behind a fault proxy of its own, on one Redis. */
  static ChaosCluster proxied() {
    return new ChaosCluster(false);
  }

  /** Three JVMs that find their Redis through a sentinel, with a replica to fail over to. */
  static ChaosCluster sentinel() {
    return new ChaosCluster(true);
  }

  private <T extends AutoCloseable> T own(T resource) {
    resources.add(resource);
    return resource;
  }

  /**
   * Starts every node's workload; its first {@code warmUp} counts under {@link
   * FaultWindow#WARM_UP}, not under no fault, in the report.
   */
  void start(Duration warmUp) {
    long start = now();
    probe.injecting(); // the warm-up's stalls (compiling, filling caches) are its own
    probe.start();
    nodes.forEach(node -> expect(node.send("start"), "started"));
    sleep(warmUp);
    long end = now();
    faults.add(FaultWindow.warmUp(start, end));
    probe.healed(end, 0);
  }

  /** Lets the nodes work without a fault for {@code duration}. */
  void quiet(Duration duration) {
    sleep(duration);
  }

  /**
   * Injects {@code fault} (on a random JVM's path when it cuts one), holds it for {@code hold} when
   * it lasts, heals it, and records its window.
   */
  void inject(Fault fault, Duration hold) {
    int node = ThreadLocalRandom.current().nextInt(NODES);
    probe.injecting();
    long start = now();
    switch (fault) {
      case RESET, BLACK_HOLE, DELAY -> {
        FaultProxy proxy = proxies.get(node);
        proxy.delayMillis(50);
        proxy.mode(FaultProxy.Mode.valueOf(fault.name()));
        sleep(hold);
        proxy.mode(FaultProxy.Mode.PASS);
      }
      case PAUSE -> {
        redis.pause();
        sleep(hold);
        redis.resume();
      }
      case KILL_RESTART -> {
        redis.kill();
        sleep(hold);
        redis.restart();
      }
      case PUBSUB_KILL -> redis.command("CLIENT", "KILL", "TYPE", "pubsub");
      case GARBAGE -> writeGarbage();
      case FAILOVER -> failOver();
    }
    long end = now();
    faults.add(
        new FaultWindow(fault.label(), fault.cutsOnePath() ? Set.of(node) : null, start, end));
    probe.healed(end, HistoryChecker.FAULT_BOUND_MICROS);
  }

  private void writeGarbage() {
    try (RedisClient client = RedisClient.create(redis.uri())) {
      ScanParams match = new ScanParams().match(prefix + ":chaos.values:*").count(100);
      String cursor = ScanParams.SCAN_POINTER_START;
      byte[] garbage = new byte[24];
      do {
        ScanResult<String> page = client.scan(cursor, match);
        for (String key : page.getResult()) {
          ThreadLocalRandom.current().nextBytes(garbage);
          client.set(key.getBytes(StandardCharsets.UTF_8), garbage);
        }
        cursor = page.getCursor();
      } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    }
  }

  /** Fails over to whichever server is the replica now and waits until the sentinel says so. */
  private void failOver() {
    String before = sentinel.master();
    RedisServer current = before.endsWith(":" + redis.port()) ? redis : replica;
    Await.until(
        "the replica to be in sync",
        () -> current.command("INFO", "replication").contains("state=online"),
        Duration.ofSeconds(30));
    sentinel.failOver(Duration.ofSeconds(30));
  }

  /** What a run left: every logged call, the faults, the database's record and the closes. */
  record Outcome(
      List<Op> ops, List<FaultWindow> faults, Map<String, Long> applied, List<String> closes) {}

  /**
   * Stops the workloads, closes every node's runtime (which drains its write-behind queue), and
   * reads the logs and the database.
   */
  Outcome finish() {
    nodes.forEach(node -> expect(node.send("stop"), "stopped"));
    probe.close();
    faults.addAll(probe.stalls());
    List<String> closes = new ArrayList<>();
    for (ChildJvm node : nodes) {
      String closed = node.send("close");
      if (!closed.startsWith("closed ")) {
        throw new AssertionError(node + " answered \"" + closed + "\" to close");
      }
      closes.add(closed.substring("closed ".length()));
    }
    Map<String, Long> applied = new HashMap<>();
    try (RedisClient client = RedisClient.create(database.uri())) {
      client
          .hgetAll(Database.APPLIED)
          .forEach((id, times) -> applied.put(id, Long.parseLong(times)));
    }
    List<Op> ops = new ArrayList<>();
    try (Stream<Path> files = Files.list(logs)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
        try (Stream<String> lines = Files.lines(file)) {
          lines.map(Op::parse).forEach(ops::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Files.write(
          logs.resolve("faults.txt"),
          faults.stream()
              .map(f -> f.start() + " " + f.end() + " " + f.nodes() + " " + f.kind())
              .toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Outcome(ops, List.copyOf(faults), applied, closes);
  }

  private static void expect(String answer, String expected) {
    if (!answer.equals(expected)) {
      throw new AssertionError(
          "a chaos node answered \"" + answer + "\", not \"" + expected + "\"");
    }
  }

  static long now() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public void close() {
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        // closing the rest anyway
      }
    }
    if (Boolean.getBoolean("cachegen.chaos.keepLogs")) {
      System.out.println("chaos logs kept in " + logs);
      return;
    }
    try (Stream<Path> files = Files.list(logs)) {
      for (Path file : files.toList()) {
        Files.deleteIfExists(file);
      }
      Files.deleteIfExists(logs);
    } catch (IOException e) {
      // a temporary folder left behind is harmless
    }
  }
}
