package dev.cachegen.benchmarks;

import com.github.benmanes.caffeine.cache.Cache;
import dev.cachegen.benchmarks.startup.StarterApp;
import dev.cachegen.runtime.CacheRuntime;
import java.time.Duration;
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
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * An L1 hit of {@link ItemService#find(long)} (and of the two-parameter {@link
 * ItemService#find(String, long)}) through each way of caching it. Every key is loaded once in
 * {@code @Setup}, so every measured call is a hit; each state checks at tear-down that its delegate
 * was not called again. Read the results as ratios to {@code handWritten}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class L1HitBenchmark {

  /** The product: the decorator the annotation processor wrote, over {@code inMemory()}. */
  @Benchmark
  public Item generated(Generated state, Workload workload) {
    return state.service.find(Workload.id(workload.next()));
  }

  /**
   * The generated decorator over the default runtime, except that its in-process expiry reads the
   * clock on every hit as the hand-written decorator's Caffeine does ({@code expiryResolution(0)}):
   * the cost of everything else the runtime does on a hit, hit counting included.
   */
  @Benchmark
  public Item generatedExactClock(GeneratedExactClock state, Workload workload) {
    return state.service.find(Workload.id(workload.next()));
  }

  /** The generated decorator over a runtime that does not count L1 hits. */
  @Benchmark
  public Item generatedWithoutStats(GeneratedWithoutStats state, Workload workload) {
    return state.service.find(Workload.id(workload.next()));
  }

  /** Two-parameter key through the generated decorator, without L1 hit counting. */
  @Benchmark
  public Item generatedWithoutStatsTwoParams(GeneratedWithoutStats state, Workload workload) {
    int index = workload.next();
    return state.service.find(Workload.tenant(index), Workload.id(index));
  }

  /** The baseline: the decorator written by hand over raw Caffeine. */
  @Benchmark
  public Item handWritten(HandWritten state, Workload workload) {
    return state.service.find(Workload.id(workload.next()));
  }

  /** The floor: Caffeine's {@code getIfPresent} alone, no decorator. */
  @Benchmark
  public Item caffeine(HandWritten state, Workload workload) {
    return state.byId.getIfPresent(Workload.id(workload.next()));
  }

  /** The peer: Spring's {@code @Cacheable} proxy over a {@code CaffeineCacheManager}. */
  @Benchmark
  public Item spring(Spring state, Workload workload) {
    return state.service.find(Workload.id(workload.next()));
  }

  /**
   * The generated decorator as the Spring Boot starter injects it into an application: the bean is
   * the decorator itself, with no proxy in front, so it should cost what {@code generated} costs.
   */
  @Benchmark
  public Item starter(Starter state, Workload workload) {
    return state.service.find(Workload.id(workload.next()));
  }

  /** The runtime API called by hand as generated code calls it (diagnosis, not the product). */
  @Benchmark
  public Item runtimeApi(RuntimeApi state, Workload workload) {
    return state.service.find(Workload.id(workload.next()));
  }

  /** Two-parameter key through the generated decorator. */
  @Benchmark
  public Item generatedTwoParams(Generated state, Workload workload) {
    int index = workload.next();
    return state.service.find(Workload.tenant(index), Workload.id(index));
  }

  /** Two-parameter key, the baseline: a record key over raw Caffeine. */
  @Benchmark
  public Item handWrittenTwoParams(HandWritten state, Workload workload) {
    int index = workload.next();
    return state.service.find(Workload.tenant(index), Workload.id(index));
  }

  /** Two-parameter key through the runtime API called by hand. */
  @Benchmark
  public Item runtimeApiTwoParams(RuntimeApi state, Workload workload) {
    int index = workload.next();
    return state.service.find(Workload.tenant(index), Workload.id(index));
  }

  /** Fills a service with every key of the workload, so that measured calls only hit. */
  static void fill(ItemService service) {
    for (int i = 0; i < Workload.KEY_COUNT; i++) {
      service.find(Workload.id(i));
      service.find(Workload.tenant(i), Workload.id(i));
    }
  }

  /** Fails the run if the delegate was called after the fill: then something was not a hit. */
  static void checkAllHits(String variant, CatalogItemService delegate) {
    long expected = 2L * Workload.KEY_COUNT;
    if (delegate.loads() != expected) {
      throw new IllegalStateException(
          variant
              + ": the delegate was called "
              + (delegate.loads() - expected)
              + " times after the fill; not every measured call was an L1 hit");
    }
    System.out.println(
        System.lineSeparator()
            + variant
            + ": 0 loads after the fill; every measured call was an L1 hit");
  }

  /** The generated {@code CachedItemService} over {@code CacheRuntime.inMemory()}. */
  @State(Scope.Benchmark)
  public static class Generated {
    CacheRuntime runtime;
    CatalogItemService delegate;
    ItemService service;

    @Setup(Level.Trial)
    public void setUp() {
      runtime = newRuntime();
      delegate = new CatalogItemService();
      service = new CachedItemService(delegate, runtime);
      fill(service);
    }

    /** The default runtime: in-process hits and misses are counted for {@code stats()}. */
    CacheRuntime newRuntime() {
      return CacheRuntime.inMemory();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      checkAllHits("generated", delegate);
      runtime.close();
    }
  }

  /**
   * The same generated decorator over a runtime built with {@code recordStats(false)}: the L1 hit
   * then does exactly what the hand-written decorator does, a Caffeine lookup and nothing else.
   */
  public static class GeneratedWithoutStats extends Generated {
    @Override
    CacheRuntime newRuntime() {
      return CacheRuntime.builder().recordStats(false).build();
    }
  }

  /** The default runtime with an in-process expiry that reads the clock on every hit. */
  @State(Scope.Benchmark)
  public static class GeneratedExactClock extends Generated {
    @Override
    CacheRuntime newRuntime() {
      return CacheRuntime.builder().expiryResolution(Duration.ZERO).build();
    }
  }

  /** The hand-written decorator and its raw Caffeine cache. */
  @State(Scope.Benchmark)
  public static class HandWritten {
    CatalogItemService delegate;
    HandWrittenItemService service;
    Cache<Long, Item> byId;

    @Setup(Level.Trial)
    public void setUp() {
      delegate = new CatalogItemService();
      service = new HandWrittenItemService(delegate);
      byId = service.byId();
      fill(service);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      checkAllHits("handWritten", delegate);
    }
  }

  /** Spring's caching proxy, from an application context built for the run. */
  @State(Scope.Benchmark)
  public static class Spring {
    AnnotationConfigApplicationContext context;
    ItemService service;

    @Setup(Level.Trial)
    public void setUp() {
      context = new AnnotationConfigApplicationContext(SpringCachingConfig.class);
      service = context.getBean(ItemService.class);
      fill(service);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      checkAllHits("spring", (CatalogItemService) AopProxyUtils.getSingletonTarget(service));
      context.close();
    }
  }

  /** The runtime API over {@code CacheRuntime.inMemory()}. */
  @State(Scope.Benchmark)
  public static class RuntimeApi {
    CacheRuntime runtime;
    CatalogItemService delegate;
    ItemService service;

    @Setup(Level.Trial)
    public void setUp() {
      runtime = CacheRuntime.inMemory();
      delegate = new CatalogItemService();
      service = new RuntimeApiItemService(delegate, runtime);
      fill(service);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      checkAllHits("runtimeApi", delegate);
      runtime.close();
    }
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
      if (!(service instanceof CachedItemService)) {
        throw new IllegalStateException("the starter injected a " + service.getClass());
      }
      fill(service);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      checkAllHits("starter", context.getBean(StarterApp.Delegate.class).catalog);
      context.close();
    }
  }
}
