package dev.cachegen.runtime.http.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The {@code curl} binary, run with ProcessBuilder; fails with what to install when absent. */
public final class Curl {
  private final Path binary;

  private Curl(Path binary) {
    this.binary = binary;
  }

  /** Finds {@code curl} on the PATH. */
  public static Curl find() {
    return new Curl(Binaries.require("curl", "curl"));
  }

  /**
   * Runs {@code curl --silent --show-error --include <arguments>} and parses what it printed: the
   * status line, the header fields and the body.
   */
  public Response run(String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.addAll(List.of("--silent", "--show-error", "--include", "--max-time", "10"));
    command.addAll(List.of(arguments));
    try {
      Process process = new ProcessBuilder(command).start();
      CompletableFuture<byte[]> stderr =
          CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
      byte[] stdout = readAll(process.getInputStream());
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("curl did not finish: " + command);
      }
      if (process.exitValue() != 0) {
        throw new AssertionError(
            "curl exited with "
                + process.exitValue()
                + ": "
                + new String(stderr.join(), StandardCharsets.UTF_8)
                + " for "
                + command);
      }
      return Response.parse(new String(stdout, StandardCharsets.ISO_8859_1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static byte[] readAll(InputStream in) {
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What curl printed for one response. */
  public static final class Response {
    private final String statusLine;
    private final int status;
    private final List<String[]> headers;
    private final String body;

    private Response(String statusLine, int status, List<String[]> headers, String body) {
      this.statusLine = statusLine;
      this.status = status;
      this.headers = headers;
      this.body = body;
    }

    static Response parse(String text) {
      int end = text.indexOf("\r\n\r\n");
      String head = end < 0 ? text : text.substring(0, end);
      String body = end < 0 ? "" : text.substring(end + 4);
      String[] lines = head.split("\r\n");
      String statusLine = lines[0];
      int status = Integer.parseInt(statusLine.split(" ")[1]);
      List<String[]> headers = new ArrayList<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.add(
            new String[] {lines[i].substring(0, colon), lines[i].substring(colon + 1).strip()});
      }
      return new Response(statusLine, status, headers, body);
    }

    public int status() {
      return status;
    }

    public String statusLine() {
      return statusLine;
    }

    /** The first value of a header (case-insensitive name), or {@code null}. */
    public String header(String name) {
      List<String> values = headers(name);
      return values.isEmpty() ? null : values.get(0);
    }

    /** Every value of a header (case-insensitive name). */
    public List<String> headers(String name) {
      String lower = name.toLowerCase(Locale.ROOT);
      return headers.stream()
          .filter(header -> header[0].toLowerCase(Locale.ROOT).equals(lower))
          .map(header -> header[1])
          .toList();
    }

    public String body() {
      return body;
    }

    @Override
    public String toString() {
      StringBuilder text = new StringBuilder(statusLine);
      headers.forEach(header -> text.append("\n").append(header[0]).append(": ").append(header[1]));
      return text.append("\n\n").append(body).toString();
    }
  }
}
