package dev.cachegen.tests.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A {@link ChildNode} (or another main class) in its own JVM, with the test's class path. */
public final class ChildProcess implements AutoCloseable {
  private final Process process;
  private final PrintWriter commands;
  private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();

  private ChildProcess(Process process) {
    this.process = process;
    this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                  if (line.startsWith("[")) {
                    System.err.println("child: " + line); // its log, not an answer
                  } else {
                    lines.add(line);
                  }
                }
              } catch (IOException e) {
                // the process ended
              }
            },
            "child-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code ChildNode redisUri prefix mode} and waits for its {@code ready}. */
  public static ChildProcess start(String redisUri, String prefix, String mode) throws IOException {
    return start(ChildNode.class, redisUri, prefix, mode);
  }

  /**
   * Starts {@code main} with {@code arguments} in a JVM of its own, with this test's class path,
   * and waits for its {@code ready}.
   */
  public static ChildProcess start(Class<?> main, String... arguments) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    command.add("-Dorg.slf4j.simpleLogger.logFile=System.err");
    command.add(main.getName());
    command.addAll(List.of(arguments));
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    ChildProcess child = new ChildProcess(process);
    child.expect("ready");
    return child;
  }

  /** Sends one command and returns the child's one-line answer. */
  public String send(String command) {
    commands.println(command);
    return next();
  }

  /** Waits for the next line and checks it. */
  public void expect(String expected) {
    String line = next();
    if (!line.equals(expected)) {
      throw new AssertionError("child said \"" + line + "\", expected \"" + expected + "\"");
    }
  }

  private String next() {
    try {
      String line = lines.poll(30, TimeUnit.SECONDS);
      if (line == null) {
        throw new AssertionError(
            "the child did not answer within 30 s (alive: " + process.isAlive() + ")");
      }
      return line;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** {@code kill -9}: no shutdown hook, no drain, no goodbye. */
  public void killHard() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      commands.println("quit");
      try {
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }
}
