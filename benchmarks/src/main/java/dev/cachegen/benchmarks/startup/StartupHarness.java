package dev.cachegen.benchmarks.startup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The start-up time the Spring Boot starter adds: starts {@link StarterApp} in a fresh JVM {@code
 * N} times in each {@linkplain StarterApp.Mode mode}, in turn so that load on the machine falls on
 * all alike, and prints the medians. Each child measures {@code SpringApplication.run} (class
 * loading, auto-configuration, bean creation, the runtime built and the bean decorated) and its
 * JVM's uptime when the application is ready.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.cachegen.benchmarks.startup.StartupHarness 20
 * </pre>
 */
public final class StartupHarness {
  private StartupHarness() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    StarterApp.Mode[] modes = StarterApp.Mode.values();
    Map<StarterApp.Mode, List<long[]>> samples = new EnumMap<>(StarterApp.Mode.class);
    startOnce(StarterApp.Mode.STARTER); // the first JVM warms the file cache for all
    for (int i = 0; i < runs; i++) {
      for (StarterApp.Mode mode : modes) {
        samples.computeIfAbsent(mode, m -> new ArrayList<>()).add(startOnce(mode));
      }
    }
    System.out.printf(
        "%d starts each, medians in ms:%n%-12s %22s %22s%n",
        runs, "", "SpringApplication.run", "JVM uptime when ready");
    for (StarterApp.Mode mode : modes) {
      System.out.printf(
          "%-12s %22d %22d%n", mode, median(samples.get(mode), 0), median(samples.get(mode), 1));
    }
  }

  /** One child JVM: {@code [run ms, uptime ms]}. */
  private static long[] startOnce(StarterApp.Mode mode) throws IOException, InterruptedException {
    Path out = Files.createTempFile("startup", ".txt");
    try {
      Process child =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  StartupChild.class.getName(),
                  mode.name())
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .start();
      if (!child.waitFor(2, TimeUnit.MINUTES) || child.exitValue() != 0) {
        child.destroyForcibly();
        throw new IllegalStateException("the child failed:\n" + Files.readString(out));
      }
      String timing =
          Files.readAllLines(out).stream()
              .filter(line -> line.startsWith("startup "))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("no timing in:\n" + readQuietly(out)));
      String[] parts = timing.split(" ");
      return new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])};
    } finally {
      Files.deleteIfExists(out);
    }
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return e.toString();
    }
  }

  private static long median(List<long[]> samples, int index) {
    long[] values = samples.stream().mapToLong(s -> s[index]).toArray();
    Arrays.sort(values);
    return values[values.length / 2];
  }
}
