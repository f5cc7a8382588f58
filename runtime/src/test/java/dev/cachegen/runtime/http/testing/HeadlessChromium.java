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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.OutputFrame;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;
import org.testcontainers.utility.DockerImageName;

/**
 * Headless Chromium with a fresh profile per page load: loads a page, runs its scripts and returns
 * the resulting DOM ({@code --dump-dom}). The browser is Debian's {@code chromium} on the PATH;
 * else, with Docker, {@link #IMAGE} run once per page by Testcontainers; else {@link #find()} fails
 * with what to install.
 */
public final class HeadlessChromium {
  /** Alpine's Chromium 124 with {@code chromium-browser} on its PATH; pinned by its tag. */
  static final String IMAGE = "zenika/alpine-chrome:124";

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final Function<URI, String> dumpDom;

  private HeadlessChromium(Function<URI, String> dumpDom) {
    this.dumpDom = dumpDom;
  }

  /** Finds {@code chromium} on the PATH, else Docker for {@link #IMAGE}. */
  public static HeadlessChromium find() {
    return Binaries.locate(
        "chromium",
        "chromium",
        IMAGE,
        Binaries.findOnPath("chromium"),
        Containers::dockerAvailable,
        binary -> new HeadlessChromium(page -> dumpDomWith(binary, page)),
        () -> new HeadlessChromium(HeadlessChromium::dumpDomInContainer));
  }

  /**
   * Loads {@code page} in a new headless browser with an empty profile (so an empty HTTP cache) and
   * returns the DOM once the page has loaded. Scripts that must finish before the dump should do
   * their work synchronously (synchronous XMLHttpRequest), which the browser still sends through
   * its HTTP cache.
   */
  public String dumpDom(URI page) {
    return dumpDom.apply(page);
  }

  /** The browser's command line after the program's name: one page, dumped, nothing else. */
  private static List<String> arguments(String profile, URI page) {
    return List.of(
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
        page.toString());
  }

  /**
   * One container per page, so one fresh profile: it loads the page through Testcontainers' route
   * to this machine and exits; its standard output is the DOM.
   */
  private static String dumpDomInContainer(URI page) {
    URI reachable = Containers.fromContainers(page);
    try (GenericContainer<?> chromium =
        new GenericContainer<>(DockerImageName.parse(IMAGE))
            .withAccessToHost(true)
            .withCreateContainerCmdModifier(create -> create.withEntrypoint("chromium-browser"))
            .withCommand(arguments("/tmp/cachegen-chromium", reachable).toArray(String[]::new))
            .withStartupCheckStrategy(new OneShotStartupCheckStrategy().withTimeout(TIMEOUT))) {
      // Returns once the browser has exited with 0, and throws with its output otherwise.
      chromium.start();
      String dom = chromium.getLogs(OutputFrame.OutputType.STDOUT);
      if (dom.isBlank()) {
        throw new AssertionError(
            "chromium in "
                + IMAGE
                + " printed no DOM for "
                + reachable
                + "; its stderr:\n"
                + chromium.getLogs(OutputFrame.OutputType.STDERR));
      }
      return dom;
    }
  }

  /** Runs the browser on the PATH with a temporary profile, deleted afterwards. */
  private static String dumpDomWith(Path binary, URI page) {
    Path profile;
    try {
      profile = Files.createTempDirectory("cachegen-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Process process = null;
    try {
      process = new ProcessBuilder(command(binary, arguments(profile.toString(), page))).start();
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

  private static List<String> command(Path binary, List<String> arguments) {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.addAll(arguments);
    return command;
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
