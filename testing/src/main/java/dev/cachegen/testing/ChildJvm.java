package dev.cachegen.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Java program in a JVM of its own, started with this JVM's {@code java} and class path: the
 * other process of a test that two JVMs share a Redis in (an eviction in one must reach the other;
 * a crash must lose no queued write), or one of the JVMs a harness measures.
 *
 * <p>A test usually holds a conversation: the child's {@code main} reads one-line commands on
 * standard input and answers each with one line on standard output.
 *
 * <pre>{@code
 * try (ChildJvm child = ChildJvm.builder(Node.class).arguments(redis.uri(), prefix).start()) {
 *   child.expect("ready");
 *   assertEquals("value 7", child.send("get 7"));
 *   child.kill(); // as a crash: no shutdown hooks run
 * }
 * }</pre>
 *
 * <p>A harness may instead let the child print straight to its own output ({@link
 * Builder#inheritOutput()}) and wait for it to finish ({@link #awaitExit}). Standard error is
 * always this JVM's, so the child's logs and stack traces show with the test's. {@link #close()}
 * ends the child's input, which a well-behaved child takes as the signal to finish, and kills it if
 * it has not within {@link #CLOSE_TIMEOUT}.
 */
public final class ChildJvm implements AutoCloseable {
  /** How long {@link #nextLine()} waits for the child to say something. */
  public static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

  /** How long {@link #close()} gives the child to finish after its input ends. */
  public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(15);

  /** Stands for the end of the child's output in {@link #lines}; compared by identity. */
  private static final String END = new String("end of output");

  private final String name;
  private final Process process;
  private final PrintWriter input;
  private final BlockingQueue<String> lines; // null when the output is inherited

  private ChildJvm(String name, Process process, boolean readOutput) {
    this.name = name;
    this.process = process;
    this.input = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    this.lines = readOutput ? new LinkedBlockingQueue<>() : null;
    if (readOutput) {
      Thread reader = new Thread(this::readOutput, "output of " + name);
      reader.setDaemon(true);
      reader.start();
    }
  }

  /** A builder for a child that runs {@code mainClass}, which must be on this JVM's class path. */
  public static Builder builder(Class<?> mainClass) {
    return new Builder(mainClass.getName());
  }

  /** The child's process id. */
  public long pid() {
    return process.pid();
  }

  /** Whether the child still runs. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** Sends {@code command} as one line and returns the child's next line, its answer. */
  public String send(String command) {
    requireConversation();
    input.println(command);
    return nextLine();
  }

  /**
   * Waits for the child's next line and checks that it is {@code expected}, such as the {@code
   * "ready"} a child prints once it is set up.
   *
   * @throws AssertionError when the child says something else, says nothing in time, or ends
   */
  public void expect(String expected) {
    String line = nextLine();
    if (!line.equals(expected)) {
      throw new AssertionError(name + " said \"" + line + "\", expected \"" + expected + "\"");
    }
  }

  /** The child's next line of output; fails after {@link #ANSWER_TIMEOUT}. */
  public String nextLine() {
    return nextLine(ANSWER_TIMEOUT);
  }

  /**
   * The child's next line of output.
   *
   * @throws AssertionError when the child says nothing within {@code timeout}, or ends its output
   */
  public String nextLine(Duration timeout) {
    requireConversation();
    String line;
    try {
      line = lines.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for " + name, e);
    }
    if (line == null) {
      throw new AssertionError(
          name + " said nothing within " + timeout.toSeconds() + " s (" + state() + ")");
    }
    if (line == END) {
      lines.add(END); // and for whoever asks next
      throw new AssertionError(name + " ended its output without answering (" + state() + ")");
    }
    return line;
  }

  /**
   * Waits for the child to finish and returns its exit code; kills it if it has not finished within
   * {@code timeout}.
   *
   * @throws IllegalStateException when the deadline passes
   */
  public int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        kill();
        throw new IllegalStateException(
            name + " did not finish within " + timeout.toSeconds() + " s and was killed");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill();
      throw new IllegalStateException("interrupted while waiting for " + name, e);
    }
    return process.exitValue();
  }

  /**
   * Kills the child at once ({@code SIGKILL}, as {@code kill -9}): no shutdown hook runs, nothing
   * is drained or closed, as in a crash. Returns once it is gone.
   */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Ends the child's input and waits for it to finish; kills it after {@link #CLOSE_TIMEOUT}. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    input.close();
    try {
      if (!process.waitFor(CLOSE_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS)) {
        kill();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill();
    }
  }

  @Override
  public String toString() {
    return name + " (" + state() + ")";
  }

  private void readOutput() {
    try (BufferedReader output =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = output.readLine(); line != null; line = output.readLine()) {
        lines.add(line);
      }
    } catch (IOException e) {
      // the process ended
    } finally {
      lines.add(END);
    }
  }

  private void requireConversation() {
    if (lines == null) {
      throw new IllegalStateException(
          name + " prints to this JVM's output (inheritOutput()), so there are no lines to read");
    }
  }

  private String state() {
    return process.isAlive()
        ? "pid " + process.pid() + ", running"
        : "exit code " + process.exitValue();
  }

  /** What to start: the main class, its arguments and the JVM's options. */
  public static final class Builder {
    private final String mainClass;
    private final List<String> arguments = new ArrayList<>();
    private final List<String> jvmOptions = new ArrayList<>();
    private String classPath = System.getProperty("java.class.path");
    private boolean inheritOutput;

    private Builder(String mainClass) {
      this.mainClass = mainClass;
    }

    /** Adds arguments for {@code main}. */
    public Builder arguments(String... arguments) {
      this.arguments.addAll(Arrays.asList(arguments));
      return this;
    }

    /** Sets a system property in the child, as {@code -Dname=value}. */
    public Builder systemProperty(String name, String value) {
      return jvmOption("-D" + Objects.requireNonNull(name) + "=" + Objects.requireNonNull(value));
    }

    /** Adds an option for the child's {@code java}, such as {@code -Xmx256m}. */
    public Builder jvmOption(String option) {
      jvmOptions.add(Objects.requireNonNull(option));
      return this;
    }

    /** Replaces the class path, by default this JVM's ({@code java.class.path}). */
    public Builder classPath(String classPath) {
      this.classPath = Objects.requireNonNull(classPath);
      return this;
    }

    /**
     * Lets the child print to this JVM's standard output instead of answering {@link
     * ChildJvm#send}; for children that run to the end on their own.
     */
    public Builder inheritOutput() {
      this.inheritOutput = true;
      return this;
    }

    /** Starts the child; does not wait for anything it prints. */
    public ChildJvm start() {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(jvmOptions);
      command.add("-cp");
      command.add(classPath);
      command.add(mainClass);
      command.addAll(arguments);
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
      if (inheritOutput) {
        builder.redirectOutput(ProcessBuilder.Redirect.INHERIT);
      }
      String name = "child JVM " + mainClass.substring(mainClass.lastIndexOf('.') + 1);
      try {
        return new ChildJvm(name, builder.start(), !inheritOutput);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start " + String.join(" ", command), e);
      }
    }
  }
}
