package dev.cachegen.runtime.http.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code chromium}, headless, with a fresh profile per page load: loads a page, runs its
 * scripts and returns the resulting DOM ({@code --dump-dom}). Fails with what to install when the
 * binary is absent.
 */
public final class HeadlessChromium {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final Path binary;

  private HeadlessChromium(Path binary) {
    this.binary = binary;
  }

  /** Finds {@code chromium} on the PATH. */
  public static HeadlessChromium find() {
    return new HeadlessChromium(Binaries.require("chromium", "chromium"));
  }

  /**
   * Loads {@code page} in a new headless browser with an empty profile (so an empty HTTP cache) and
   * returns the DOM once the page has loaded. Scripts that must finish before the dump should do
   * their work synchronously (synchronous XMLHttpRequest), which the browser still sends through
   * its HTTP cache.
   */
  public String dumpDom(URI page) {
    Path profile;
    try {
      profile = Files.createTempDirectory("cachegen-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Process process = null;
    try {
      process =
          new ProcessBuilder(
                  List.of(
                      binary.toString(),
                      "--headless",
                      "--no-sandbox",
                      "--disable-gpu",
                      "--disable-quic",
                      "--no-first-run",
                      "--disable-background-networking",
                      "--disable-component-update",
                      "--disable-sync",
                      "--disable-dev-shm-usage",
                      "--user-data-dir=" + profile,
                      "--dump-dom",
                      page.toString()))
              .start();
      Process running = process;
      CompletableFuture<byte[]> stderr =
          CompletableFuture.supplyAsync(() -> readAll(running.getErrorStream()));
      CompletableFuture<byte[]> stdout =
          CompletableFuture.supplyAsync(() -> readAll(running.getInputStream()));
      if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError("chromium did not finish loading " + page + " in " + TIMEOUT);
      }
      String dom = new String(stdout.join(), StandardCharsets.UTF_8);
      if (process.exitValue() != 0 || dom.isBlank()) {
        throw new AssertionError(
            "chromium exited with "
                + process.exitValue()
                + " and printed no DOM for "
                + page
                + "; its stderr:\n"
                + new String(stderr.join(), StandardCharsets.UTF_8));
      }
      return dom;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    } finally {
      Binaries.stop(process);
      Binaries.deleteRecursively(profile);
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
}
