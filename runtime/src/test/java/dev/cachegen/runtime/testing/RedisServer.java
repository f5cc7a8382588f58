package dev.cachegen.runtime.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Redis for tests, found in this order:
 *
 * <ol>
 *   <li>{@code REDIS_URL}, when set (shared: tests must not assume an empty server);
 *   <li>a {@code redis-server} binary on the {@code PATH}, started on a free loopback port and
 *       stopped by {@link #close()};
 *   <li>Testcontainers, when a Docker engine answers;
 *   <li>otherwise a failure that says what to install.
 * </ol>
 *
 * <p>Fault tests need a server they own: {@link #startOwned()} skips {@code REDIS_URL}, and {@link
 * #kill()}, {@link #pause()}, {@link #resume()} and {@link #restart()} act on the real process.
 */
public final class RedisServer implements AutoCloseable {
  private static final Duration STARTUP = Duration.ofSeconds(20);

  private final String host;
  private final int port;
  private final String uri;
  private final Backend backend;

  private RedisServer(String host, int port, String uri, Backend backend) {
    this.host = host;
    this.port = port;
    this.uri = uri;
    this.backend = backend;
  }

  /** A Redis for tests that only read and write their own keys. */
  public static RedisServer start() {
    String url = System.getenv("REDIS_URL");
    if (url != null && !url.isBlank()) {
      URI parsed = URI.create(url);
      return new RedisServer(
          parsed.getHost(), parsed.getPort() == -1 ? 6379 : parsed.getPort(), url, Backend.SHARED);
    }
    return startOwned();
  }

  /** A Redis this test owns: it may kill, pause and restart it. */
  public static RedisServer startOwned() {
    Optional<Path> binary = findOnPath("redis-server");
    if (binary.isPresent()) {
      int port = freePort();
      ProcessBackend backend = new ProcessBackend(binary.get(), port);
      backend.startProcess();
      return new RedisServer("127.0.0.1", port, "redis://127.0.0.1:" + port, backend);
    }
    if (ContainerBackend.dockerAvailable()) {
      ContainerBackend backend = new ContainerBackend();
      return new RedisServer(
          backend.host(),
          backend.port(),
          "redis://" + backend.host() + ":" + backend.port(),
          backend);
    }
    throw new IllegalStateException(
        "No Redis for the tests: set REDIS_URL=redis://host:port, or install redis-server"
            + " (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis),"
            + " or start Docker so that Testcontainers can run redis:7-alpine.");
  }

  /** The server's URI, such as {@code redis://127.0.0.1:41234}. */
  public String uri() {
    return uri;
  }

  /** The loopback host. */
  public String host() {
    return host;
  }

  /** The server's port. */
  public int port() {
    return port;
  }

  /** Kills the server at once (SIGKILL): connections drop, nothing is saved. */
  public void kill() {
    backend.kill();
  }

  /** Freezes the server (SIGSTOP): connections stay open, nothing answers. */
  public void pause() {
    backend.signal("STOP");
  }

  /** Undoes {@link #pause()}. */
  public void resume() {
    backend.signal("CONT");
  }

  /** Starts the server again on the same port, empty, after {@link #kill()}. */
  public void restart() {
    backend.restart();
  }

  /**
   * Sends one command with {@code redis-cli} semantics over a raw socket; returns the reply text.
   */
  public String command(String... arguments) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 2000);
      socket.setSoTimeout(5000);
      StringBuilder request = new StringBuilder("*").append(arguments.length).append("\r\n");
      for (String argument : arguments) {
        byte[] bytes = argument.getBytes(StandardCharsets.UTF_8);
        request.append('$').append(bytes.length).append("\r\n").append(argument).append("\r\n");
      }
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      return Resp.read(socket.getInputStream());
    } catch (IOException e) {
      throw new IllegalStateException("redis command " + List.of(arguments) + " failed", e);
    }
  }

  @Override
  public void close() {
    backend.stop();
  }

  @Override
  public String toString() {
    return "RedisServer[" + uri + ", " + backend.getClass().getSimpleName() + "]";
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port", e);
    }
  }

  private static Optional<Path> findOnPath(String name) {
    String path = System.getenv().getOrDefault("PATH", "");
    List<String> directories = new ArrayList<>(List.of(path.split(File.pathSeparator)));
    directories.add("/usr/bin");
    directories.add("/usr/local/bin");
    directories.add("/usr/sbin");
    for (String directory : directories) {
      Path candidate = Path.of(directory, name);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  public static boolean waitForPing(String host, int port, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(host, port), 200);
        socket.setSoTimeout(500);
        socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.UTF_8));
        if (Resp.read(socket.getInputStream()).equals("PONG")) {
          return true;
        }
      } catch (IOException e) {
        // not up yet
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  private interface Backend {
    Backend SHARED =
        new Backend() {
          @Override
          public void kill() {
            throw new UnsupportedOperationException("REDIS_URL's server is shared; use startOwned");
          }

          @Override
          public void signal(String signal) {
            kill();
          }

          @Override
          public void restart() {
            kill();
          }

          @Override
          public void stop() {}
        };

    void kill();

    void signal(String signal);

    void restart();

    void stop();
  }

  private static final class ProcessBackend implements Backend {
    private final Path binary;
    private final int port;
    private Process process;

    ProcessBackend(Path binary, int port) {
      this.binary = binary;
      this.port = port;
    }

    void startProcess() {
      try {
        process =
            new ProcessBuilder(
                    binary.toString(),
                    "--port",
                    Integer.toString(port),
                    "--bind",
                    "127.0.0.1",
                    "--save",
                    "",
                    "--appendonly",
                    "no",
                    "--daemonize",
                    "no",
                    "--loglevel",
                    "warning")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
      } catch (IOException e) {
        throw new IllegalStateException("cannot start " + binary, e);
      }
      if (!waitForPing("127.0.0.1", port, STARTUP)) {
        process.destroyForcibly();
        throw new IllegalStateException(binary + " did not answer PING on port " + port);
      }
    }

    @Override
    public void kill() {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void signal(String signal) {
      try {
        Process kill =
            new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start();
        if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
          throw new IllegalStateException("kill -" + signal + " failed");
        }
      } catch (IOException e) {
        throw new IllegalStateException("kill -" + signal + " failed", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void restart() {
      if (process.isAlive()) {
        kill();
      }
      startProcess();
    }

    @Override
    public void stop() {
      if (process != null && process.isAlive()) {
        signal("CONT");
        kill();
      }
    }
  }

  /** Testcontainers, for machines with Docker and no redis-server. */
  private static final class ContainerBackend implements Backend {
    private final org.testcontainers.containers.GenericContainer<?> container;

    @SuppressWarnings("resource")
    ContainerBackend() {
      container =
          new org.testcontainers.containers.GenericContainer<>(
                  org.testcontainers.utility.DockerImageName.parse("redis:7-alpine"))
              .withExposedPorts(6379);
      container.start();
    }

    static boolean dockerAvailable() {
      try {
        return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
      } catch (RuntimeException e) {
        return false;
      }
    }

    String host() {
      return container.getHost();
    }

    int port() {
      return container.getMappedPort(6379);
    }

    @Override
    public void kill() {
      container.getDockerClient().killContainerCmd(container.getContainerId()).exec();
    }

    @Override
    public void signal(String signal) {
      if (signal.equals("STOP")) {
        container.getDockerClient().pauseContainerCmd(container.getContainerId()).exec();
      } else {
        container.getDockerClient().unpauseContainerCmd(container.getContainerId()).exec();
      }
    }

    @Override
    public void restart() {
      throw new UnsupportedOperationException(
          "restarting a Testcontainers Redis changes its port; install redis-server for fault"
              + " tests");
    }

    @Override
    public void stop() {
      container.stop();
    }
  }

  /** Just enough RESP to read one reply as text. */
  static final class Resp {
    private Resp() {}

    static String read(InputStream in) throws IOException {
      int type = in.read();
      String line = readLine(in);
      switch (type) {
        case '+':
        case '-':
        case ':':
          return line;
        case '$':
          int length = Integer.parseInt(line);
          if (length < 0) {
            return null;
          }
          byte[] bytes = in.readNBytes(length + 2);
          return new String(bytes, 0, length, StandardCharsets.UTF_8);
        case '*':
          int count = Integer.parseInt(line);
          StringBuilder all = new StringBuilder();
          for (int i = 0; i < count; i++) {
            all.append(i == 0 ? "" : "\n").append(read(in));
          }
          return all.toString();
        default:
          throw new IOException("unexpected RESP type " + (char) type + line);
      }
    }

    private static String readLine(InputStream in) throws IOException {
      StringBuilder line = new StringBuilder();
      int c;
      while ((c = in.read()) != -1) {
        if (c == '\r') {
          in.read();
          break;
        }
        line.append((char) c);
      }
      return line.toString();
    }
  }
}
