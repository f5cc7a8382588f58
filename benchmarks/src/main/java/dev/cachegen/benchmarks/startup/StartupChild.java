package dev.cachegen.benchmarks.startup;

import dev.cachegen.benchmarks.ItemService;
import java.lang.management.ManagementFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One start of {@link StarterApp} in this JVM, for {@link StartupHarness}: prints {@code startup
 * <run ms> <uptime ms>} and checks that the bean is decorated exactly when cachegen is on.
 */
public final class StartupChild {
  private StartupChild() {}

  public static void main(String[] args) {
    try {
      run(args);
    } catch (RuntimeException e) {
      e.printStackTrace(); // the benchmark jar logs through slf4j-nop, so Boot's report is silent
      System.exit(1);
    }
  }

  private static void run(String[] args) {
    StarterApp.Mode mode = StarterApp.Mode.valueOf(args[0]);
    long start = System.nanoTime();
    try (ConfigurableApplicationContext context = StarterApp.start(mode)) {
      long runMillis = (System.nanoTime() - start) / 1_000_000;
      long uptimeMillis = ManagementFactory.getRuntimeMXBean().getUptime();
      String bean = context.getBean(ItemService.class).getClass().getSimpleName();
      if (bean.equals("CachedItemService") == (mode == StarterApp.Mode.NONE)) {
        throw new IllegalStateException(mode + " but the bean is " + bean);
      }
      System.out.println("startup " + runMillis + " " + uptimeMillis);
    }
  }
}
