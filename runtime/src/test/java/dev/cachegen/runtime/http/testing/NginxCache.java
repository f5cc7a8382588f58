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

/**
 * Debian's {@code nginx} as a shared cache in front of an origin: started on a free loopback port
 * with a generated configuration ({@code proxy_cache} in a temporary folder, {@code
 * proxy_cache_revalidate on}), in the foreground, as the current user, with every file it writes in
 * that folder; stopped and deleted by {@link #close()}. Fails with what to install when the binary
 * is absent.
 *
 * <p>Each response carries {@code X-Cache-Status} ({@code MISS}, {@code HIT}, {@code EXPIRED},
 * {@code REVALIDATED}, {@code BYPASS}), nginx's own account of what it did.
 */
public final class NginxCache implements AutoCloseable {
  private static final Duration STARTUP = Duration.ofSeconds(20);

  private final Path root;
  private final int port;
  private final Process process;

  private NginxCache(Path root, int port, Process process) {
    this.root = root;
    this.port = port;
    this.process = process;
  }

  /** Starts nginx in front of {@code http://127.0.0.1:originPort}. */
  public static NginxCache start(int originPort) {
    Path binary = Binaries.require("nginx", "nginx");
    Path root;
    try {
      root = Files.createTempDirectory("cachegen-nginx-");
      Files.createDirectories(root.resolve("cache"));
      Files.createDirectories(root.resolve("temp"));
      int port = LoopbackPorts.free();
      Path config = root.resolve("nginx.conf");
      Files.writeString(config, config(root, port, originPort), StandardCharsets.UTF_8);
      Process process =
          new ProcessBuilder(
                  binary.toString(),
                  "-p",
                  root.toString(),
                  "-c",
                  config.toString(),
                  "-e",
                  root.resolve("error.log").toString())
              .redirectErrorStream(true)
              .redirectOutput(root.resolve("stdout.log").toFile())
              .start();
      NginxCache nginx = new NginxCache(root, port, process);
      nginx.awaitListening();
      return nginx;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String config(Path root, int port, int originPort) {
    String user = System.getProperty("user.name");
    return String.join(
        "\n",
        List.of(
            // Workers drop to 'nobody' when the master runs as root; keep them as the test's user
            // so they can write the cache in the temporary folder.
            "root".equals(user) ? "user root;" : "",
            "daemon off;",
            "worker_processes 1;",
            "pid " + root.resolve("nginx.pid") + ";",
            "error_log " + root.resolve("error.log") + " info;",
            "events { worker_connections 64; }",
            "http {",
            "  access_log " + root.resolve("access.log") + ";",
            "  client_body_temp_path " + root.resolve("temp/body") + ";",
            "  proxy_temp_path " + root.resolve("temp/proxy") + ";",
            "  fastcgi_temp_path " + root.resolve("temp/fastcgi") + ";",
            "  uwsgi_temp_path " + root.resolve("temp/uwsgi") + ";",
            "  scgi_temp_path " + root.resolve("temp/scgi") + ";",
            "  proxy_cache_path "
                + root.resolve("cache")
                + " levels=1:2 keys_zone=cachegen:1m max_size=10m inactive=10m"
                + " use_temp_path=off;",
            "  server {",
            "    listen 127.0.0.1:" + port + ";",
            "    location / {",
            "      proxy_pass http://127.0.0.1:" + originPort + ";",
            "      proxy_http_version 1.1;",
            "      proxy_cache cachegen;",
            "      proxy_cache_revalidate on;",
            "      add_header X-Cache-Status $upstream_cache_status always;",
            "    }",
            "  }",
            "}",
            ""));
  }

  private void awaitListening() {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("nginx exited at start:\n" + logs());
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
      }
    }
    close();
    throw new IllegalStateException("nginx did not listen on " + port + " in " + STARTUP);
  }

  /** An absolute URI through nginx for {@code path}. */
  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** nginx's output and error log, for failure messages. */
  public String logs() {
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

  @Override
  public void close() {
    Binaries.stop(process);
    Binaries.deleteRecursively(root);
  }
}
