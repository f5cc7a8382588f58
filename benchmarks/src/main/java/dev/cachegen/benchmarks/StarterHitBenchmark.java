package dev.cachegen.benchmarks;

import dev.cachegen.benchmarks.startup.StarterApp;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An L1 hit of {@link ItemService#find(long)} through the decorator the Spring Boot starter
 * injects, against the same generated decorator built by hand and against Spring's
 * {@code @Cacheable} proxy, in one run. The starter should cost nothing per call: the bean it
 * injects is the generated decorator itself, with no proxy in front. Read the results as ratios to
 * {@code byHand}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class StarterHitBenchmark {

  /** The bean the starter injected into a Spring Boot application. */
  @Benchmark
  public Item starter(Starter state, Workload workload) {
    return state.service.find(Workload.id(workload.next()));
  }

  /** The baseline: {@code new CachedItemService(delegate, CacheRuntime.inMemory())}. */
  @Benchmark
  public Item byHand(L1HitBenchmark.Generated state, Workload workload) {
    return state.service.find(Workload.id(workload.next()));
  }

  /** The peer: Spring's {@code @Cacheable} proxy over a {@code CaffeineCacheManager}. */
  @Benchmark
  public Item spring(L1HitBenchmark.Spring state, Workload workload) {
    return state.service.find(Workload.id(workload.next()));
  }

  /** A Spring Boot application with the starter, and the decorated bean it injects. */
  @State(Scope.Benchmark)
  public static class Starter {
    ConfigurableApplicationContext context;
    ItemService service;

    @Setup(Level.Trial)
    public void setUp() {
      context = StarterApp.start(StarterApp.Mode.STARTER);
      service = context.getBean(ItemService.class);
      if (!service.getClass().getSimpleName().equals("CachedItemService")) {
        throw new IllegalStateException("the starter injected " + service.getClass());
      }
      L1HitBenchmark.fill(service);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      L1HitBenchmark.checkAllHits("starter", context.getBean(StarterApp.Delegate.class).catalog);
      context.close();
    }
  }
}
