package dev.cachegen.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A local Redis Cluster of three masters without replicas, each a {@code redis-server} on a free
 * loopback port, joined with {@code redis-cli --cluster create}: enough to show that keys spread
 * over slots and nodes and that what must travel together does.
 *
 * <pre>{@code
 * try (RedisCluster cluster = RedisCluster.start();
 *     CacheRuntime runtime = CacheRuntime.builder().redisCluster(cluster.uris()).build()) {
 *   ...
 *   assertTrue(cluster.keysOn(0) > 0 && cluster.keysOn(1) > 0);
 * }
 * }</pre>
 *
 * <p>Needs the {@code redis-server} and {@code redis-cli} binaries on the {@code PATH} (Debian:
 * {@code apt-get install redis-server}, which brings {@code redis-tools}); there is no container
 * fallback.
 */
public final class RedisCluster implements AutoCloseable {
  private static final int MASTERS = 3;
  private static final Duration FORMING = Duration.ofSeconds(30);

  private final List<RedisProcess> nodes = new ArrayList<>();

  private RedisCluster() {}

  /** Starts three masters and returns once every one reports {@code cluster_state:ok}. */
  public static RedisCluster start() {
    Path server = require("redis-server");
    Path cli = require("redis-cli");
    RedisCluster cluster = new RedisCluster();
    try {
      for (int i = 0; i < MASTERS; i++) {
        cluster.nodes.add(
            RedisProcess.start(
                server,
                List.of(),
                List.of(
                    "--cluster-enabled", "yes",
                    "--cluster-config-file", "nodes.conf",
                    "--cluster-node-timeout", "2000")));
      }
      cluster.create(cli);
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /** Seed URIs for {@code CacheRuntime.Builder.redisCluster}, one per master. */
  public String[] uris() {
    return nodes.stream().map(node -> uri(node).toString()).toArray(String[]::new);
  }

  /** The ports of the masters, in the order of {@link #uris()}. */
  public List<Integer> ports() {
    return nodes.stream().map(RedisProcess::port).toList();
  }

  /** How many keys master {@code index} holds ({@code DBSIZE}). */
  public long keysOn(int index) {
    return Long.parseLong(command(index, "DBSIZE"));
  }

  /** Sends one command to master {@code index}; see {@link RedisServer#command}. */
  public String command(int index, String... arguments) {
    return Resp.command(uri(nodes.get(index)), arguments);
  }

  /** Stops every node and deletes their files. */
  @Override
  public void close() {
    nodes.forEach(RedisProcess::close);
  }

  @Override
  public String toString() {
    return "RedisCluster" + ports();
  }

  private void create(Path cli) {
    List<String> command = new ArrayList<>(List.of(cli.toString(), "--cluster", "create"));
    for (RedisProcess node : nodes) {
      command.add(node.host() + ":" + node.port());
    }
    command.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
    run(command);
    for (int i = 0; i < nodes.size(); i++) {
      int index = i;
      if (!Await.holds(
          () -> command(index, "CLUSTER", "INFO").contains("cluster_state:ok"), FORMING)) {
        throw new IllegalStateException(
            "node " + nodes.get(i) + " did not reach cluster_state:ok within " + FORMING);
      }
    }
  }

  private static URI uri(RedisProcess node) {
    return URI.create("redis://" + node.host() + ":" + node.port());
  }

  private static Path require(String binary) {
    return Executables.onPath(binary)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "RedisCluster needs "
                        + binary
                        + " on the PATH and found none; "
                        + RedisProcess.INSTALL
                        + " (the package brings redis-cli)"));
  }

  private static void run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while forming the cluster", e);
    }
  }
}
