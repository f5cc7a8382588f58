package dev.cachegen.benchmarks;

import dev.cachegen.runtime.CacheRuntime;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
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
import reactor.core.publisher.Mono;

/**
 * An L1 hit of one lookup by its return kind and expiry, through the generated {@code CachedQuotes}
 * over an in-memory runtime without hit counting. Issue 12 asks: {@code ttlFrom} adds no cost to a
 * hit ({@code ttlFrom} vs {@code fixed}; {@code ttlFromShort}, a value living less than {@code
 * localTtl}, pays one clock read per hit), and a {@code Mono} hit costs at most 1.5x the {@code
 * CompletableFuture} one ({@code mono} vs {@code future}, and without blocking {@code
 * monoSubscribed} vs {@code futureAccepted}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ReturnKindHitBenchmark {

  @Benchmark
  public Quotes.Quote fixed(Decorated state, Workload workload) {
    return state.quotes.fixed(Workload.id(workload.next()));
  }

  @Benchmark
  public Quotes.Quote ttlFrom(Decorated state, Workload workload) {
    return state.quotes.ttlFrom(Workload.id(workload.next()));
  }

  @Benchmark
  public Quotes.Quote ttlFromShort(Decorated state, Workload workload) {
    return state.quotes.ttlFromShort(Workload.id(workload.next()));
  }

  @Benchmark
  public Quotes.Quote future(Decorated state, Workload workload) {
    return state.quotes.future(Workload.id(workload.next())).join();
  }

  @Benchmark
  public Quotes.Quote mono(Decorated state, Workload workload) {
    return state.quotes.mono(Workload.id(workload.next())).block();
  }

  /**
   * The same hit taken without blocking, as reactive code takes it: a callback on the future, a
   * subscription to the {@code Mono}. The {@code block()} variants above take the shortcut that
   * {@code Mono.just} offers; these pay for a subscriber and its signals.
   */
  @Benchmark
  public Quotes.Quote futureAccepted(Decorated state, Workload workload, Sink sink) {
    state.quotes.future(Workload.id(workload.next())).thenAccept(sink);
    return sink.last;
  }

  @Benchmark
  public Quotes.Quote monoSubscribed(Decorated state, Workload workload, Sink sink) {
    state.quotes.mono(Workload.id(workload.next())).subscribe(sink);
    return sink.last;
  }

  /** Receives the value of a non-blocking variant, for the benchmark method to return. */
  @State(Scope.Thread)
  public static class Sink implements Consumer<Quotes.Quote> {
    Quotes.Quote last;

    @Override
    public void accept(Quotes.Quote quote) {
      last = quote;
    }
  }

  /** The generated decorator, filled with every key of the workload in each of its caches. */
  @State(Scope.Benchmark)
  public static class Decorated {
    CacheRuntime runtime;
    Source source;
    Quotes quotes;

    @Setup(Level.Trial)
    public void setUp() {
      runtime = CacheRuntime.builder().recordStats(false).build();
      source = new Source();
      quotes = new CachedQuotes(source, runtime);
      for (int i = 0; i < Workload.KEY_COUNT; i++) {
        long id = Workload.id(i);
        quotes.fixed(id);
        quotes.ttlFrom(id);
        quotes.ttlFromShort(id);
        quotes.future(id).join();
        quotes.mono(id).block();
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      long expected = 5L * Workload.KEY_COUNT;
      if (source.loads.get() != expected) {
        throw new IllegalStateException(
            (source.loads.get() - expected) + " loads after the fill: not every call was a hit");
      }
      runtime.close();
    }
  }

  /** The delegate: a quote valid for an hour (the short one for 20 minutes), counting loads. */
  static final class Source implements Quotes {
    final AtomicLong loads = new AtomicLong();

    private Quote quote(long id) {
      return quote(id, 3600);
    }

    private Quote quote(long id, long validSeconds) {
      loads.incrementAndGet();
      return new Quote(id, id % 1000, Instant.now().plusSeconds(validSeconds));
    }

    @Override
    public Quote fixed(long id) {
      return quote(id);
    }

    @Override
    public Quote ttlFrom(long id) {
      return quote(id);
    }

    @Override
    public Quote ttlFromShort(long id) {
      return quote(id, 1200);
    }

    @Override
    public CompletableFuture<Quote> future(long id) {
      return CompletableFuture.completedFuture(quote(id));
    }

    @Override
    public Mono<Quote> mono(long id) {
      return Mono.fromSupplier(() -> quote(id));
    }
  }
}
