package dev.cachegen.runtime.http.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The helpers fail with what to install when a binary is missing, rather than with a stack trace.
 */
class BinariesTest {
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
}
