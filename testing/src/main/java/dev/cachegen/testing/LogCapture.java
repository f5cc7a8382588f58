package dev.cachegen.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Records what is written to {@code System.err} while it is open, for tests that assert on log
 * lines. With slf4j-simple as the logger, which looks up {@code System.err} on every line, this
 * sees every thread's log, the runtime's workers included. What is recorded still reaches the
 * console.
 */
public final class LogCapture implements AutoCloseable {
  private final PrintStream original;
  private final ByteArrayOutputStream recorded = new ByteArrayOutputStream();

  private LogCapture() {
    this.original = System.err;
    OutputStream both =
        new OutputStream() {
          @Override
          public void write(int b) {
            original.write(b);
            recorded.write(b);
          }

          @Override
          public void write(byte[] bytes, int offset, int length) {
            original.write(bytes, offset, length);
            recorded.write(bytes, offset, length);
          }
        };
    System.setErr(new PrintStream(both, true, StandardCharsets.UTF_8));
  }

  /** Starts recording. */
  public static LogCapture start() {
    return new LogCapture();
  }

  /** The lines logged so far that {@code pattern} finds something in. */
  public List<String> lines(Pattern pattern) {
    return recorded.toString(StandardCharsets.UTF_8).lines().filter(pattern.asPredicate()).toList();
  }

  /** Everything logged so far, for failure messages. */
  public String text() {
    return recorded.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    System.setErr(original);
  }
}
