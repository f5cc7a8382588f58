package dev.cachegen.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A TCP proxy on the loopback interface that breaks one client's path to a server on demand, for
 * tests that inject network faults for real: put it between a client and a {@link RedisServer} and
 * switch its {@link Mode}. Other clients of the server, connected directly, are not affected.
 *
 * <pre>{@code
 * try (FaultProxy proxy = FaultProxy.to(redis.host(), redis.port())) {
 *   CacheRuntime cut = CacheRuntime.builder().redis(proxy.uri()).build();
 *   proxy.mode(FaultProxy.Mode.RESET); // its connections reset, new ones refused
 *   ...
 *   proxy.mode(FaultProxy.Mode.PASS);  // the path heals
 * }
 * }</pre>
 */
public final class FaultProxy implements AutoCloseable {

  /** What the proxy does with the traffic. */
  public enum Mode {
    /** Forwards both ways. */
    PASS,
    /**
     * Resets every open connection (RST) and resets new ones as soon as they are accepted: what a
     * client sees when a proxy or a load balancer restarts, or a failover moves the address.
     */
    RESET,
    /**
     * Accepts and reads, but forwards nothing in either direction: a half-open path, a paused
     * server behind the proxy. Clients wait for their timeouts.
     */
    BLACK_HOLE,
    /** Forwards both ways, each chunk after {@link #delayMillis(long)}. */
    DELAY
  }

  private final String targetHost;
  private final int targetPort;
  private final ServerSocket listener;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final Thread acceptor;
  private volatile Mode mode = Mode.PASS;
  private volatile long delayMillis;
  private volatile boolean closed;

  private FaultProxy(String targetHost, int targetPort) throws IOException {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::accept, "fault-proxy-" + listener.getLocalPort());
    this.acceptor.setDaemon(true);
    this.acceptor.start();
  }

  /** A proxy in {@link Mode#PASS} to {@code host:port}, listening on a free loopback port. */
  public static FaultProxy to(String host, int port) {
    try {
      return new FaultProxy(host, port);
    } catch (IOException e) {
      throw new UncheckedIOException("could not open a loopback port for the fault proxy", e);
    }
  }

  /** The port clients connect to. */
  public int port() {
    return listener.getLocalPort();
  }

  /** A {@code redis://} URI of the proxy, for a Redis behind it. */
  public String uri() {
    return "redis://127.0.0.1:" + port();
  }

  /** Switches the mode; {@link Mode#RESET} resets the open connections at once. */
  public void mode(Mode mode) {
    this.mode = mode;
    if (mode == Mode.RESET) {
      sockets.forEach(FaultProxy::reset);
    }
  }

  /** The delay of {@link Mode#DELAY}. */
  public void delayMillis(long delayMillis) {
    this.delayMillis = delayMillis;
  }

  private void accept() {
    while (!closed) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        return; // closed
      }
      if (mode == Mode.RESET) {
        reset(client);
        continue;
      }
      Socket server;
      try {
        server = new Socket();
        server.connect(new InetSocketAddress(targetHost, targetPort), 1_000);
      } catch (IOException e) {
        reset(client);
        continue;
      }
      sockets.add(client);
      sockets.add(server);
      pump(client, server, "up");
      pump(server, client, "down");
    }
  }

  private void pump(Socket from, Socket to, String direction) {
    Thread thread =
        new Thread(
            () -> {
              byte[] buffer = new byte[16 * 1024];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                  Mode now = mode;
                  if (now == Mode.BLACK_HOLE) {
                    continue; // swallowed
                  }
                  if (now == Mode.RESET) {
                    break;
                  }
                  if (now == Mode.DELAY && delayMillis > 0) {
                    TimeUnit.MILLISECONDS.sleep(delayMillis);
                  }
                  out.write(buffer, 0, read);
                  out.flush();
                }
              } catch (IOException | InterruptedException e) {
                // the other side went away, or the proxy reset it
              } finally {
                reset(from);
                reset(to);
                sockets.remove(from);
                sockets.remove(to);
              }
            },
            "fault-proxy-" + port() + "-" + direction);
    thread.setDaemon(true);
    thread.start();
  }

  /** Closes with a reset (RST), not a polite FIN: the client sees "connection reset". */
  private static void reset(Socket socket) {
    try {
      socket.setSoLinger(true, 0);
    } catch (SocketException e) {
      // already closed
    }
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      listener.close();
    } catch (IOException e) {
      // closing anyway
    }
    sockets.forEach(FaultProxy::reset);
    sockets.clear();
  }

  @Override
  public String toString() {
    return "FaultProxy[:" + port() + " -> " + targetHost + ":" + targetPort + ", " + mode + "]";
  }
}
