package dev.cachegen.tests.chaos;

import dev.cachegen.testing.RedisServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisProtocol;

/**
 * Records the stalls of the cache's Redis that the suite did not inject: a {@code PING} every 10
 * ms, straight to each server (no proxy), and a {@link FaultWindow} of Redis itself for every one
 * that took {@link #STALL_MICROS} or more while no injected fault or its aftermath was in force. On
 * a machine of two cores shared with other builds, a server with {@code appendfsync always} or the
 * test JVM that runs the proxies can stop answering for a second; the runtimes then time out, open
 * their breakers and owe repairs exactly as under an injected pause, and the checker must hold them
 * to the bound of a fault, not to the quiet one. Such windows have their own row.
 */
final class StallProbe implements AutoCloseable {
  /** The row of stalls nobody injected. */
  static final String KIND = "Redis stalled 200 ms or more (not injected)";

  /** Slower than this, a PING on loopback is a stall: close to the runtimes' 250 ms timeout. */
  static final long STALL_MICROS = 200_000;

  private final List<HostAndPort> servers = new ArrayList<>();
  private final List<FaultWindow> stalls = new ArrayList<>();
  private final Thread thread;
  private volatile boolean closed;

  /** When injected faults stop covering the run: 0 while one is in force. */
  private volatile long quietFrom;

  StallProbe(List<RedisServer> watched) {
    for (RedisServer server : watched) {
      servers.add(new HostAndPort(server.host(), server.port()));
    }
    thread = new Thread(this::run, "chaos-stall-probe");
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** An injected fault begins: stalls now are its own. */
  void injecting() {
    quietFrom = Long.MAX_VALUE;
  }

  /** The injected fault was healed at {@code end}; its aftermath lasts {@code aftermath}. */
  void healed(long end, long aftermath) {
    quietFrom = end + aftermath;
  }

  private void run() {
    List<Jedis> clients = new ArrayList<>();
    for (HostAndPort server : servers) {
      clients.add(null);
    }
    while (!closed) {
      for (int i = 0; i < servers.size(); i++) {
        long start = ChaosCluster.now();
        try {
          if (clients.get(i) == null) {
            clients.set(
                i,
                new Jedis(
                    servers.get(i),
                    DefaultJedisClientConfig.builder()
                        .protocol(RedisProtocol.RESP2)
                        .connectionTimeoutMillis(1_000)
                        .socketTimeoutMillis(10_000)
                        .build()));
          }
          clients.get(i).ping();
        } catch (RuntimeException e) {
          close(clients, i); // an injected kill or pause; connect again next time
          continue;
        }
        long end = ChaosCluster.now();
        if (end - start >= STALL_MICROS && start >= quietFrom && end >= quietFrom) {
          synchronized (stalls) {
            stalls.add(new FaultWindow(KIND, null, start, end));
          }
        }
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
    }
    for (int i = 0; i < clients.size(); i++) {
      close(clients, i);
    }
  }

  private static void close(List<Jedis> clients, int i) {
    Jedis client = clients.get(i);
    clients.set(i, null);
    if (client != null) {
      try {
        client.close();
      } catch (RuntimeException e) {
        // already broken
      }
    }
  }

  /** The stalls seen so far. */
  List<FaultWindow> stalls() {
    synchronized (stalls) {
      return List.copyOf(stalls);
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      thread.join(15_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
