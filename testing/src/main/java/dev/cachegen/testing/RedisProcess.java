package dev.cachegen.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One {@code redis-server} process on a loopback port, in a temporary folder of its own that also
 * holds its log. Persistence is off ({@code --save '' --appendonly no}), so a restart comes back
 * empty and nothing is written but the log. Every process still running when the JVM exits is
 * killed, so a test run that dies leaves no server behind.
 *
 * <p>The port is free when chosen but another process may take it first; {@link #start} then tries
 * another one.
 */
final class RedisProcess implements RedisBackend {
  /** What to do on a machine without the binary. */
  static final String INSTALL =
      "install redis-server (Debian/Ubuntu: apt-get install redis-server; macOS: brew install"
          + " redis)";

  private static final Duration STARTUP = Duration.ofSeconds(20);
  private static final int PORT_ATTEMPTS = 3;
  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "stop redis-server"));
  }

  private final Path binary;
  private final List<String> leadingArguments;
  private final List<String> extraArguments;
  private final Path directory;
  private final int port;
  private volatile Process process;

  private RedisProcess(
      Path binary,
      List<String> leadingArguments,
      List<String> extraArguments,
      Path directory,
      int port) {
    this.binary = binary;
    this.leadingArguments = List.copyOf(leadingArguments);
    this.extraArguments = List.copyOf(extraArguments);
    this.directory = directory;
    this.port = port;
  }

  /**
   * Starts {@code binary} on a free loopback port and returns once it answers {@code PING}.
   *
   * @param leadingArguments what comes before the options, such as a configuration file and {@code
   *     --sentinel}
   * @param extraArguments options after the defaults, such as {@code --cluster-enabled yes}
   */
  static RedisProcess start(
      Path binary, List<String> leadingArguments, List<String> extraArguments) {
    Path directory;
    try {
      directory = Files.createTempDirectory("cachegen-redis-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a folder for redis-server", e);
    }
    PortTaken taken = null;
    for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
      RedisProcess redis =
          new RedisProcess(
              binary, leadingArguments, extraArguments, directory, LoopbackPorts.free());
      try {
        redis.launch();
        return redis;
      } catch (PortTaken e) {
        taken = e;
      } catch (RuntimeException e) {
        deleteFolder(directory);
        throw e;
      }
    }
    deleteFolder(directory);
    throw new IllegalStateException(PORT_ATTEMPTS + " ports were taken in turn", taken);
  }

  /** The folder the server runs in ({@code --dir}); files placed here are deleted on close. */
  Path directory() {
    return directory;
  }

  @Override
  public String host() {
    return "127.0.0.1";
  }

  @Override
  public int port() {
    return port;
  }

  /** The process id, while it runs. */
  long pid() {
    return process.pid();
  }

  @Override
  public void kill() {
    Process current = process;
    current.destroyForcibly();
    try {
      if (!current.waitFor(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("redis-server " + current.pid() + " survived SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    RUNNING.remove(current);
  }

  @Override
  public void pause() {
    signal("STOP");
  }

  @Override
  public void resume() {
    signal("CONT");
  }

  @Override
  public void restart() {
    if (process.isAlive()) {
      kill();
    }
    try {
      launch();
    } catch (PortTaken e) {
      throw new IllegalStateException(
          "cannot restart redis-server: another process took port " + port + " meanwhile", e);
    }
  }

  @Override
  public void close() {
    Process current = process;
    if (current != null && current.isAlive()) {
      signal("CONT"); // a paused server would not die before it runs again
      kill();
    }
    deleteFolder(directory);
  }

  @Override
  public String toString() {
    return "redis-server on " + host() + ":" + port;
  }

  private void launch() {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.addAll(leadingArguments);
    command.addAll(
        List.of(
            "--port", Integer.toString(port),
            "--bind", "127.0.0.1",
            "--dir", directory.toString(),
            "--save", "",
            "--appendonly", "no",
            "--daemonize", "no",
            "--loglevel", "warning"));
    command.addAll(extraArguments);
    Path log = directory.resolve("redis-" + port + ".log");
    Process started;
    try {
      started =
          new ProcessBuilder(command)
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + binary + "; " + INSTALL, e);
    }
    process = started;
    RUNNING.add(started);
    boolean answered =
        Await.holds(() -> !started.isAlive() || Resp.ping(host(), port), STARTUP)
            && started.isAlive();
    if (answered) {
      return;
    }
    String output = tail(log);
    if (started.isAlive()) {
      kill();
      throw new IllegalStateException(
          String.join(" ", command)
              + " did not answer PING within "
              + STARTUP.toSeconds()
              + " s; its log:\n"
              + output);
    }
    RUNNING.remove(started);
    if (output.contains("Address already in use")) {
      throw new PortTaken(port);
    }
    throw new IllegalStateException(
        String.join(" ", command)
            + " exited with "
            + started.exitValue()
            + "; its log:\n"
            + output);
  }

  private void signal(String signal) {
    try {
      Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid())).start();
      if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IllegalStateException("kill -" + signal + " " + pid() + " failed");
      }
    } catch (IOException e) {
      throw new IllegalStateException("kill -" + signal + " " + pid() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sending SIG" + signal, e);
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private static void deleteFolder(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind is harmless
    }
  }

  /** The chosen port was taken between choosing and binding it. */
  private static final class PortTaken extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PortTaken(int port) {
      super("port " + port + " was taken before redis-server could bind it", null, false, false);
    }
  }
}
