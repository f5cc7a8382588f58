package dev.cachegen.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Real child JVMs running the small programs below. */
class ChildJvmTest {
  @Test
  void aConversationLineByLineThatEndsWithTheInput() throws Exception {
    ChildJvm child =
        ChildJvm.builder(Echo.class).arguments("echo:").systemProperty("echo.suffix", "!").start();
    try (child) {
      child.expect("ready");
      assertEquals("echo: hello!", child.send("hello"));
      assertEquals("echo: two words!", child.send("two words"));
    }
    assertFalse(child.isAlive(), "closing its input ended it");
    assertEquals(0, child.awaitExit(Duration.ofSeconds(1)));
  }

  @Test
  void anUnexpectedLineOrAnEndedChildFailsWithWhatItSaid() {
    try (ChildJvm child = ChildJvm.builder(Echo.class).arguments("echo:").start()) {
      AssertionError wrong = assertThrows(AssertionError.class, () -> child.expect("hello"));
      assertTrue(wrong.getMessage().contains("said \"ready\""), wrong.getMessage());
      child.kill();
      AssertionError ended = assertThrows(AssertionError.class, () -> child.send("anyone?"));
      assertTrue(ended.getMessage().contains("ended its output"), ended.getMessage());
    }
  }

  @Test
  void aChildThatRunsToTheEndReportsItsExitCode() {
    ChildJvm child = ChildJvm.builder(Exits.class).arguments("3").inheritOutput().start();
    assertEquals(3, child.awaitExit(Duration.ofSeconds(30)));
    assertThrows(IllegalStateException.class, child::nextLine, "its output is not ours to read");
  }

  /** Prints "ready", then answers every line with the prefix and line and a suffix. */
  public static final class Echo {
    public static void main(String[] args) throws Exception {
      String suffix = System.getProperty("echo.suffix", "");
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      System.out.println("ready");
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        System.out.println(args[0] + " " + line + suffix);
      }
    }
  }

  /** Exits with the code it is given. */
  public static final class Exits {
    public static void main(String[] args) {
      System.exit(Integer.parseInt(args[0]));
    }
  }
}
