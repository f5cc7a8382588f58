package dev.cachegen.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds a program the way a shell does: the first executable of that name on the PATH. */
final class Executables {
  private Executables() {}

  /** The first executable file {@code name} in the folders of {@code path} (a PATH value). */
  static Optional<Path> find(String name, String path) {
    if (path == null || path.isEmpty()) {
      return Optional.empty();
    }
    for (String folder : path.split(File.pathSeparator)) {
      if (folder.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(folder, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The first executable {@code name} on this JVM's PATH. */
  static Optional<Path> onPath(String name) {
    return find(name, System.getenv("PATH"));
  }
}
