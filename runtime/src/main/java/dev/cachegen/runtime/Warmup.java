package dev.cachegen.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Preloads chosen keys through a generated decorator, so that the first users after a deploy hit a
 * warm cache. Each key is loaded by calling the decorator, exactly as an application call would:
 * from Redis when another node already has it, else from the delegate.
 *
 * <pre>{@code
 * // In the background; start-up goes on:
 * CompletableFuture<Warmup.Report> warming =
 *     Warmup.of("top products", topProductIds, catalog::find).parallelism(4).start();
 *
 * // Or block until done, when the application must not serve cold:
 * Warmup.Report report = Warmup.of("top products", topProductIds, catalog::find).run();
 * }</pre>
 *
 * <p>Parallelism is bounded, progress is logged at INFO every tenth of the keys, and a failing key
 * is counted and reported, never thrown: warming is an optimisation, not a precondition.
 *
 * @param <K> the key, or the argument list, of one call
 */
public final class Warmup<K> {
  private static final Logger log = LoggerFactory.getLogger(Warmup.class);
  private static final int SAMPLE_FAILURES = 10;

  /** Loads one key, typically a method reference to the decorator: {@code catalog::find}. */
  @FunctionalInterface
  public interface Call<K> {
    void load(K key) throws Exception;
  }

  /**
   * What a warm-up did.
   *
   * @param name the warm-up's name
   * @param total keys given
   * @param loaded keys whose call returned
   * @param failed keys whose call threw
   * @param elapsed how long it took
   * @param failures up to ten of the failures, as {@code key: exception}
   */
  public record Report(
      String name, int total, int loaded, int failed, Duration elapsed, List<String> failures) {}

  private final String name;
  private final List<K> keys;
  private final Call<K> call;
  private int parallelism = 4;

  private Warmup(String name, Collection<K> keys, Call<K> call) {
    this.name = Objects.requireNonNull(name, "name");
    this.keys = List.copyOf(keys);
    this.call = Objects.requireNonNull(call, "call");
  }

  /** A warm-up named {@code name} (for the log) that calls {@code call} with each key. */
  public static <K> Warmup<K> of(String name, Collection<K> keys, Call<K> call) {
    return new Warmup<>(name, keys, call);
  }

  /** How many calls run at once. Default 4. */
  public Warmup<K> parallelism(int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism(" + parallelism + "): must be at least 1");
    }
    this.parallelism = parallelism;
    return this;
  }

  /** Starts on threads of its own and returns at once. */
  public CompletableFuture<Report> start() {
    CompletableFuture<Report> done = new CompletableFuture<>();
    Thread starter =
        new Thread(
            () -> {
              try {
                done.complete(run());
              } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
              }
            },
            "cachegen-warmup-" + name);
    starter.setDaemon(true);
    starter.start();
    return done;
  }

  /** Runs to the end in the calling thread (and {@code parallelism - 1} helpers). */
  public Report run() {
    long start = System.nanoTime();
    Iterator<K> next = keys.iterator();
    AtomicInteger loaded = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    AtomicLong lastLoggedTenth = new AtomicLong();
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    Runnable worker =
        () -> {
          while (true) {
            K key;
            synchronized (next) {
              if (!next.hasNext()) {
                return;
              }
              key = next.next();
            }
            try {
              call.load(key);
              loaded.incrementAndGet();
            } catch (Exception e) {
              failed.incrementAndGet();
              if (failures.size() < SAMPLE_FAILURES) {
                failures.add(key + ": " + e);
              }
            }
            int done = loaded.get() + failed.get();
            long tenth = keys.isEmpty() ? 10 : 10L * done / keys.size();
            long previous = lastLoggedTenth.get();
            if (tenth > previous && tenth < 10 && lastLoggedTenth.compareAndSet(previous, tenth)) {
              log.info("warm-up {}: {} of {} keys ({}%)", name, done, keys.size(), tenth * 10);
            }
          }
        };
    List<Thread> helpers = new ArrayList<>();
    for (int i = 1; i < Math.min(parallelism, Math.max(1, keys.size())); i++) {
      Thread helper = new Thread(worker, "cachegen-warmup-" + name + "-" + i);
      helper.setDaemon(true);
      helper.start();
      helpers.add(helper);
    }
    worker.run();
    for (Thread helper : helpers) {
      try {
        helper.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    Report report =
        new Report(
            name,
            keys.size(),
            loaded.get(),
            failed.get(),
            Duration.ofNanos(System.nanoTime() - start),
            List.copyOf(failures));
    log.info(
        "warm-up {}: done, {} loaded, {} failed, in {} ms",
        name,
        report.loaded(),
        report.failed(),
        report.elapsed().toMillis());
    return report;
  }
}
