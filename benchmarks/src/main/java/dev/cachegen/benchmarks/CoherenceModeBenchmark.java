package dev.cachegen.benchmarks;

import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.runtime.CoherenceMode;
import dev.cachegen.runtime.internal.Cache;
import dev.cachegen.runtime.internal.Keys;
import dev.cachegen.testing.Await;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What each {@link CoherenceMode} costs one runtime over loopback Redis, through the runtime API as
 * generated code calls it ({@link RuntimeApiItemService}). Read each figure as a ratio to the
 * {@code EVENTS} row of the same benchmark method, measured in the same run:
 *
 * <ul>
 *   <li>{@link #hit}: an L1 hit. The mode changes nothing here once the reports of the fill have
 *       been applied.
 *   <li>{@link #put}: a write-through ({@code SET}, plus a {@code PUBLISH} of the event unless
 *       {@code TRACKING}); in the tracking modes the subscription thread also applies the report of
 *       each write, on the same two cores.
 *   <li>{@link #putThenReadOlder}: a write, then a read of the key written half a cycle earlier. In
 *       {@code EVENTS} mode that read is an L1 hit; in the tracking modes the report of our own
 *       write dropped the entry, so it is read from Redis: the price of never suppressing a report.
 *   <li>{@link #miss}: a key never seen: L1 miss, L2 miss, stampede lock, load, {@code SET},
 *       unlock, and in the tracking modes three reports (lock taken, entry written, lock released).
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CoherenceModeBenchmark {

  /** One runtime in the mode under test, on a Redis of its own. */
  @State(Scope.Benchmark)
  public static class Node {
    @Param({"EVENTS", "TRACKING", "EVENTS_AND_TRACKING"})
    public CoherenceMode mode;

    LocalRedis redis;
    CacheRuntime runtime;
    RuntimeApiItemService service;
    Cache<Item> items;
    private final CatalogItemService delegate = new CatalogItemService();
    private long nextNewId = 1_000_000_000L;
    private Map<String, Long> commandsAtStart;
    long operations;

    @Setup(Level.Trial)
    public void setUp() {
      redis = LocalRedis.start();
      redis.flush();
      runtime = CacheRuntime.builder().redis(redis.uri()).coherence(mode).build();
      service = new RuntimeApiItemService(delegate, runtime);
      items = service.items();
      L2HitBenchmark.fill(service);
      if (mode != CoherenceMode.EVENTS) {
        // Redis reports the fill's writes in order: once the last key's report has emptied its L1
        // entry, every earlier one has arrived too. Then read the keys back into L1.
        Object last = Keys.local(Workload.id(Workload.KEY_COUNT - 1));
        Await.until("the reports of the fill's writes", () -> items.getIfPresent(last) == null);
      }
      L2HitBenchmark.fill(service);
      commandsAtStart = redis.commandCounts();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      Map<String, Long> commands = LocalRedis.difference(commandsAtStart, redis.commandCounts());
      StringBuilder line = new StringBuilder(System.lineSeparator()).append(mode);
      line.append(": ").append(operations).append(" operations; Redis commands per operation:");
      commands.forEach(
          (command, calls) ->
              line.append(
                  String.format(Locale.ROOT, " %s %.3f", command, (double) calls / operations)));
      System.out.println(line);
      runtime.close();
      redis.close();
    }

    void put(int index) {
      long id = Workload.id(index);
      items.put(Keys.local(id), items.sharedKey().value(id).build(), delegate.find(id));
    }

    long newId() {
      return nextNewId++;
    }
  }

  @Benchmark
  public Item hit(Node node, Workload workload) {
    node.operations++;
    return node.service.find(Workload.id(workload.next()));
  }

  @Benchmark
  public void put(Node node, Workload workload) {
    node.operations++;
    node.put(workload.next());
  }

  @Benchmark
  public Item putThenReadOlder(Node node, Workload workload) {
    node.operations++;
    int index = workload.next();
    node.put(index);
    return node.service.find(Workload.id((index + Workload.KEY_COUNT / 2) % Workload.KEY_COUNT));
  }

  @Benchmark
  public Item miss(Node node) {
    node.operations++;
    return node.service.find(node.newId());
  }
}
