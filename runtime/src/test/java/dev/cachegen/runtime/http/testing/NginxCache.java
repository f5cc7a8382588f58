package dev.cachegen.runtime.http.testing;

import dev.cachegen.testing.LoopbackPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * nginx as a shared cache in front of an origin, with a generated configuration ({@code
 * proxy_cache}, {@code proxy_cache_revalidate on}); stopped and deleted by {@link #close()}. It is
 * Debian's {@code nginx} on the PATH, started on a free loopback port in the foreground with every
 * file it writes in a temporary folder; else, with Docker, {@link #IMAGE} with the same
 * configuration through Testcontainers; else {@link #start} fails with what to install.
 *
 * <p>Each response carries {@code X-Cache-Status} ({@code MISS}, {@code HIT}, {@code EXPIRED},
 * {@code REVALIDATED}, {@code BYPASS}), nginx's own account of what it did.
 */
public final class NginxCache implements AutoCloseable {
  /** The official image of the current stable nginx, Alpine variant; pinned by its tag. */
  static final String IMAGE = "nginx:1.28.0-alpine";

  private static final Duration STARTUP = Duration.ofSeconds(20);
  private static final int CONTAINER_PORT = 80;
  private static final String CONTAINER_ROOT = "/tmp/cachegen-nginx";

  private final URI base;
  private final Runner runner;

  /** How this nginx runs: a process on this machine or a container. */
  private interface Runner {
    String logs();

    void stop();
  }

  private NginxCache(URI base, Runner runner) {
    this.base = base;
    this.runner = runner;
  }

  /** Starts nginx in front of {@code http://127.0.0.1:originPort}. */
  public static NginxCache start(int originPort) {
    return Binaries.locate(
        "nginx",
        "nginx",
        IMAGE,
        Binaries.findOnPath("nginx"),
        Containers::dockerAvailable,
        binary -> startProcess(binary, originPort),
        () -> startContainer(originPort));
  }

  private static NginxCache startProcess(Path binary, int originPort) {
    Path root;
    try {
      root = Files.createTempDirectory("cachegen-nginx-");
      int port = LoopbackPorts.free();
      Path config = root.resolve("nginx.conf");
      String errorLog = root.resolve("error.log").toString();
      boolean runsAsRoot = "root".equals(System.getProperty("user.name"));
      Files.writeString(
          config,
          config(
              root.toString(),
              errorLog,
              "127.0.0.1:" + port,
              "127.0.0.1:" + originPort,
              runsAsRoot),
          StandardCharsets.UTF_8);
      Process process =
          new ProcessBuilder(
                  binary.toString(), "-p", root.toString(), "-c", config.toString(), "-e", errorLog)
              .redirectErrorStream(true)
              .redirectOutput(root.resolve("stdout.log").toFile())
              .start();
      Runner runner =
          new Runner() {
            @Override
            public String logs() {
              return fileLogs(root);
            }

            @Override
            public void stop() {
              Binaries.stop(process);
              Binaries.deleteRecursively(root);
            }
          };
      awaitListening(port, process, runner);
      return new NginxCache(URI.create("http://127.0.0.1:" + port), runner);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The same configuration in {@link #IMAGE}: nginx listens on the container's port 80, which
   * Testcontainers maps to a free port here, reaches the origin through Testcontainers' route to
   * this machine, and logs errors to the container's output.
   */
  @SuppressWarnings("resource") // stopped by close()
  private static NginxCache startContainer(int originPort) {
    URI origin = Containers.fromContainers(URI.create("http://127.0.0.1:" + originPort));
    String upstream = origin.getHost() + ":" + origin.getPort();
    GenericContainer<?> container =
        new GenericContainer<>(DockerImageName.parse(IMAGE))
            .withAccessToHost(true)
            .withCopyToContainer(
                Transferable.of(
                    config(
                        CONTAINER_ROOT,
                        "/dev/stderr",
                        String.valueOf(CONTAINER_PORT),
                        upstream,
                        true)),
                CONTAINER_ROOT + "/nginx.conf")
            .withCommand(
                "nginx",
                "-p",
                CONTAINER_ROOT,
                "-c",
                CONTAINER_ROOT + "/nginx.conf",
                "-e",
                "/dev/stderr")
            .withExposedPorts(CONTAINER_PORT)
            .waitingFor(Wait.forListeningPort().withStartupTimeout(STARTUP));
    container.start();
    Runner runner =
        new Runner() {
          @Override
          public String logs() {
            return container.getLogs();
          }

          @Override
          public void stop() {
            container.stop();
          }
        };
    return new NginxCache(
        URI.create("http://" + container.getHost() + ":" + container.getMappedPort(CONTAINER_PORT)),
        runner);
  }

  /**
   * The configuration, the same for both: every file under {@code root} (nginx makes the folders it
   * names there) but the error log, listening on {@code listen}, caching {@code upstream}.
   */
  private static String config(
      String root, String errorLog, String listen, String upstream, boolean asRoot) {
    return String.join(
        "\n",
        List.of(
            // Workers drop to 'nobody' when the master runs as root; keep them as root there so
            // they can write the cache in the temporary folder.
            asRoot ? "user root;" : "",
            "daemon off;",
            "worker_processes 1;",
            "pid " + root + "/nginx.pid;",
            "error_log " + errorLog + " info;",
            "events { worker_connections 64; }",
            "http {",
            "  access_log " + root + "/access.log;",
            "  client_body_temp_path " + root + "/client_body_temp;",
            "  proxy_temp_path " + root + "/proxy_temp;",
            "  fastcgi_temp_path " + root + "/fastcgi_temp;",
            "  uwsgi_temp_path " + root + "/uwsgi_temp;",
            "  scgi_temp_path " + root + "/scgi_temp;",
            "  proxy_cache_path "
                + root
                + "/cache levels=1:2 keys_zone=cachegen:1m max_size=10m inactive=10m"
                + " use_temp_path=off;",
            "  server {",
            "    listen " + listen + ";",
            "    location / {",
            "      proxy_pass http://" + upstream + ";",
            "      proxy_http_version 1.1;",
            "      proxy_cache cachegen;",
            "      proxy_cache_revalidate on;",
            "      add_header X-Cache-Status $upstream_cache_status always;",
            "    }",
            "  }",
            "}",
            ""));
  }

  private static void awaitListening(int port, Process process, Runner runner) {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        String logs = runner.logs();
        runner.stop();
        throw new IllegalStateException("nginx exited at start:\n" + logs);
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
      }
    }
    runner.stop();
    throw new IllegalStateException("nginx did not listen on " + port + " in " + STARTUP);
  }

  private static String fileLogs(Path root) {
    StringBuilder text = new StringBuilder();
    for (String name : List.of("stdout.log", "error.log")) {
      try {
        Path file = root.resolve(name);
        if (Files.exists(file)) {
          text.append("--- ").append(name).append('\n').append(Files.readString(file));
        }
      } catch (IOException e) {
        text.append("(cannot read ").append(name).append(")\n");
      }
    }
    return text.toString();
  }

  /** An absolute URI through nginx for {@code path}. */
  public URI uri(String path) {
    return URI.create(base + path);
  }

  /** nginx's output and error log, for failure messages. */
  public String logs() {
    return runner.logs();
  }

  @Override
  public void close() {
    runner.stop();
  }
}
