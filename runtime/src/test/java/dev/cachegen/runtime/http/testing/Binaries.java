package dev.cachegen.runtime.http.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** Finding binaries on the PATH and deleting temporary folders, for the HTTP test helpers. */
public final class Binaries {
  private Binaries() {}

  /** The first executable {@code name} on the PATH. */
  public static Optional<Path> findOnPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * The binary {@code name}, or a failure that says what to install, for example {@code
   * require("nginx", "apt-get install nginx")}.
   */
  public static Path require(String name, String debianPackage) {
    return findOnPath(name)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "The HTTP tests need the '"
                        + name
                        + "' binary on the PATH and did not find it. Install it: on Debian/Ubuntu"
                        + " 'apt-get install "
                        + debianPackage
                        + "' (CI's .ci/run does). PATH="
                        + System.getenv("PATH")));
  }

  /**
   * A server or client the HTTP tests drive, found in this order: the binary {@code name} on the
   * PATH ({@code binary}), run by {@code onPath}; else, when {@code dockerAvailable} says a Docker
   * engine is there, the pinned {@code image} run by {@code inContainer} through Testcontainers;
   * else a failure that says what to install. Docker is only asked when the binary is missing.
   */
  public static <T> T locate(
      String name,
      String debianPackage,
      String image,
      Optional<Path> binary,
      BooleanSupplier dockerAvailable,
      Function<Path, T> onPath,
      Supplier<T> inContainer) {
    if (binary.isPresent()) {
      return onPath.apply(binary.get());
    }
    if (dockerAvailable.getAsBoolean()) {
      return inContainer.get();
    }
    throw new IllegalStateException(
        "The HTTP tests need '"
            + name
            + "' and found neither the binary on the PATH nor a Docker engine. Install one of them:"
            + " on Debian/Ubuntu 'apt-get install "
            + debianPackage
            + "' (CI's .ci/run does), or start Docker so that Testcontainers can run "
            + image
            + ". PATH="
            + System.getenv("PATH"));
  }

  /** Deletes a folder and everything in it, quietly. */
  public static void deleteRecursively(Path root) {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              path -> {
                try {
                  Files.deleteIfExists(path);
                } catch (IOException e) {
                  // Best effort: a temp folder left behind is not worth failing a test.
                }
              });
    } catch (IOException e) {
      // Same.
    }
  }

  /** Stops a process and every process it started, waiting a little for them to go. */
  public static void stop(Process process) {
    if (process == null) {
      return;
    }
    var descendants = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    descendants.forEach(ProcessHandle::destroyForcibly);
  }
}
