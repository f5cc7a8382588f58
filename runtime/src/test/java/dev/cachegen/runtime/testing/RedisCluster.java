package dev.cachegen.runtime.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A local Redis Cluster of three masters, each a {@code redis-server} on a free loopback port in a
 * temporary folder, joined with {@code redis-cli --cluster create}. Needs the {@code redis-server}
 * and {@code redis-cli} binaries (Debian: {@code apt-get install redis-server redis-tools}).
 */
public final class RedisCluster implements AutoCloseable {
  private final Path directory;
  private final List<Process> nodes = new ArrayList<>();
  private final List<Integer> ports = new ArrayList<>();

  private RedisCluster(Path directory) {
    this.directory = directory;
  }

  /** Starts three masters and waits until the cluster reports {@code cluster_state:ok}. */
  public static RedisCluster start() {
    Path directory;
    try {
      directory = Files.createTempDirectory("cachegen-cluster");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    RedisCluster cluster = new RedisCluster(directory);
    try {
      cluster.startNodes();
      cluster.create();
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /** Seed URIs for {@code CacheRuntime.Builder.redisCluster}. */
  public String[] uris() {
    return ports.stream().map(port -> "redis://127.0.0.1:" + port).toArray(String[]::new);
  }

  /** The ports of the three masters. */
  public List<Integer> ports() {
    return List.copyOf(ports);
  }

  /** How many keys node {@code index} holds. */
  public long keysOn(int index) {
    String info = run("redis-cli", "-p", Integer.toString(ports.get(index)), "DBSIZE").trim();
    return Long.parseLong(info);
  }

  private void startNodes() {
    for (int i = 0; i < 3; i++) {
      int port = RedisServer.freePort();
      Path nodeDirectory = directory.resolve("node-" + port);
      try {
        Files.createDirectories(nodeDirectory);
        Process process =
            new ProcessBuilder(
                    "redis-server",
                    "--port",
                    Integer.toString(port),
                    "--bind",
                    "127.0.0.1",
                    "--cluster-enabled",
                    "yes",
                    "--cluster-config-file",
                    nodeDirectory.resolve("nodes.conf").toString(),
                    "--cluster-node-timeout",
                    "2000",
                    "--dir",
                    nodeDirectory.toString(),
                    "--save",
                    "",
                    "--appendonly",
                    "no",
                    "--loglevel",
                    "warning")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        nodes.add(process);
        ports.add(port);
      } catch (IOException e) {
        throw new IllegalStateException(
            "cannot start redis-server for the cluster; install it (apt-get install"
                + " redis-server redis-tools)",
            e);
      }
      if (!RedisServer.waitForPing("127.0.0.1", port, Duration.ofSeconds(20))) {
        throw new IllegalStateException("cluster node on port " + port + " did not start");
      }
    }
  }

  private void create() {
    List<String> command = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
    for (int port : ports) {
      command.add("127.0.0.1:" + port);
    }
    command.add("--cluster-replicas");
    command.add("0");
    command.add("--cluster-yes");
    run(command.toArray(String[]::new));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    for (int port : ports) {
      while (!run("redis-cli", "-p", Integer.toString(port), "CLUSTER", "INFO")
          .contains("cluster_state:ok")) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the cluster did not reach cluster_state:ok");
        }
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    }
  }

  private static String run(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
      }
      return output;
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot run " + command[0] + "; install redis-tools (apt-get install redis-tools)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    for (Process node : nodes) {
      node.destroyForcibly();
    }
    for (Process node : nodes) {
      try {
        node.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind is harmless
    }
  }
}
