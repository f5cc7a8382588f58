package dev.cachegen.runtime.http.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The helpers find what they drive on the PATH, else in Docker, and fail with what to install when
 * neither is there, rather than with a stack trace.
 */
class BinariesTest {
  private static final BooleanSupplier NO_DOCKER = () -> false;
  private static final BooleanSupplier DOCKER = () -> true;

  @Test
  void missingBinary_failsWithTheDebianPackageToInstall() {
    IllegalStateException missing =
        assertThrows(
            IllegalStateException.class,
            () -> Binaries.require("cachegen-no-such-binary", "cachegen-no-such-package"));
    assertTrue(
        missing.getMessage().contains("apt-get install cachegen-no-such-package"),
        missing.getMessage());
    assertTrue(missing.getMessage().contains("'cachegen-no-such-binary'"), missing.getMessage());
  }

  @Test
  void presentBinary_isFound() {
    assertTrue(Binaries.findOnPath("sh").isPresent());
  }

  @Test
  void locate_runsTheBinaryOnThePath_withoutAskingForDocker() {
    Path binary = Path.of("/usr/sbin/nginx");
    String found =
        Binaries.locate(
            "nginx",
            "nginx",
            "nginx:1.28.0-alpine",
            Optional.of(binary),
            () -> {
              throw new AssertionError("Docker must not be probed when the binary is there");
            },
            path -> "process " + path,
            () -> "container");
    assertEquals("process /usr/sbin/nginx", found);
  }

  @Test
  void locate_withoutTheBinary_runsTheContainer_whenDockerIsThere() {
    String found =
        Binaries.locate(
            "nginx",
            "nginx",
            "nginx:1.28.0-alpine",
            Optional.empty(),
            DOCKER,
            path -> "process " + path,
            () -> "container");
    assertEquals("container", found);
  }

  @Test
  void locate_withNeither_failsNamingThePackageAndTheImage() {
    IllegalStateException missing =
        assertThrows(
            IllegalStateException.class,
            () ->
                Binaries.locate(
                    "chromium",
                    "chromium",
                    "zenika/alpine-chrome:124",
                    Optional.empty(),
                    NO_DOCKER,
                    path -> "process",
                    () -> "container"));
    String message = missing.getMessage();
    assertTrue(message.contains("'chromium'"), message);
    assertTrue(message.contains("apt-get install chromium"), message);
    assertTrue(message.contains("Docker"), message);
    assertTrue(message.contains("zenika/alpine-chrome:124"), message);
  }

  @Test
  void containerImages_arePinnedToAVersion() {
    for (String image : new String[] {NginxCache.IMAGE, HeadlessChromium.IMAGE}) {
      int colon = image.lastIndexOf(':');
      assertTrue(colon > 0, image + " has no tag");
      String tag = image.substring(colon + 1);
      assertTrue(tag.matches("\\d+(\\.\\d+)*(-[a-z]+)?"), image + " is not pinned to a version");
    }
  }
}
