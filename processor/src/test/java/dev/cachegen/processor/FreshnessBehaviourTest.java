package dev.cachegen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.testing.TestClock;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Compiles {@code good/com/acme/fresh/Prices.java} and runs its decorator over an in-memory runtime
 * with a clock the test moves: within a stale-while-revalidate window the old value is answered at
 * once while one background load replaces it, and within a stale-if-error window a failing delegate
 * is answered with the old value. Background work is awaited with deadlines, never with sleeps.
 *
 * <p>Every ttl of {@code Prices} is one minute, less a jitter of up to 10%; moving the clock by 70
 * seconds puts an entry between 10 and 16 seconds past its expiry.
 */
class FreshnessBehaviourTest {
  private static final long DEADLINE_SECONDS = 30;
  private static final Duration PAST_EXPIRY = Duration.ofSeconds(70);

  private static GeneratedClasses classes;
  private static Class<?> prices;

  private final TestClock clock = new TestClock();
  private RecordingDelegate delegate;
  private TrackingExecutor executor;
  private CacheRuntime runtime;
  private Object cached;

  @BeforeAll
  static void compile() {
    Compilation compilation = Compilations.strictJavac().compile(Compilations.sources("good"));
    assertThat(compilation).succeededWithoutWarnings();
    classes = new GeneratedClasses(compilation);
    prices = classes.load("com.acme.fresh.Prices");
  }

  @BeforeEach
  void decorate() throws ReflectiveOperationException {
    delegate = new RecordingDelegate();
    executor = new TrackingExecutor();
    runtime = CacheRuntime.builder().clock(clock).executor(executor).build();
    cached = classes.decorate("com.acme.fresh.CachedPrices", prices, delegate, runtime);
  }

  @AfterEach
  void close() {
    runtime.close();
    executor.shutdown();
  }

  @Test
  void withinStaleWhileRevalidateTheOldValueIsAnsweredAtOnceAndReloadedInTheBackground()
      throws Throwable {
    delegate.answer("discount", args -> Optional.of(price("a", 100)));
    assertEquals(Optional.of(price("a", 100)), call("discount", "a"));
    clock.advance(PAST_EXPIRY);

    CountDownLatch reloadStarted = new CountDownLatch(1);
    CountDownLatch reloadMayFinish = new CountDownLatch(1);
    AtomicReference<Thread> reloadThread = new AtomicReference<>();
    delegate.answer(
        "discount",
        args -> {
          reloadThread.set(Thread.currentThread());
          reloadStarted.countDown();
          // A caller that waited for this load would never get here: the test releases it only
          // after the caller was answered.
          assertTrue(reloadMayFinish.await(DEADLINE_SECONDS, TimeUnit.SECONDS));
          return Optional.of(price("a", 120));
        });

    assertEquals(Optional.of(price("a", 100)), call("discount", "a"), "the stale value, at once");
    assertEquals(Optional.of(price("a", 100)), call("discount", "a"), "still, while it reloads");
    assertTrue(reloadStarted.await(DEADLINE_SECONDS, TimeUnit.SECONDS), "a background reload");
    assertNotSame(Thread.currentThread(), reloadThread.get());
    reloadMayFinish.countDown();
    executor.awaitIdle();

    assertEquals(Optional.of(price("a", 120)), call("discount", "a"), "the reloaded value");
    assertEquals(2, delegate.calls("discount"), "one load, then one reload");
  }

  @Test
  void anAsyncMethodCompletesWithTheStaleValueAtOnceWhileItsReloadRuns() throws Throwable {
    delegate.answer("quote", args -> CompletableFuture.completedFuture(price("q", 5)));
    assertEquals(price("q", 5), join(call("quote", "q")));
    clock.advance(Duration.ofSeconds(65)); // past expiry, within the 30 s window

    CompletableFuture<Object> reload = new CompletableFuture<>();
    CountDownLatch reloadStarted = new CountDownLatch(1);
    delegate.answer(
        "quote",
        args -> {
          reloadStarted.countDown();
          return reload;
        });

    CompletableFuture<?> stale = (CompletableFuture<?>) call("quote", "q");
    assertTrue(stale.isDone(), "answered without waiting for the reload");
    assertEquals(price("q", 5), stale.join());
    assertTrue(reloadStarted.await(DEADLINE_SECONDS, TimeUnit.SECONDS), "a background reload");
    reload.complete(price("q", 6));
    executor.awaitIdle();

    assertEquals(price("q", 6), join(call("quote", "q")));
    assertEquals(2, delegate.calls("quote"));
  }

  @Test
  void aCompletionStageIsAnsweredFromTheStaleValueToo() throws Throwable {
    delegate.answer("listPrice", args -> CompletableFuture.completedFuture(price("l", 1)));
    assertEquals(price("l", 1), join(call("listPrice", "l")));
    clock.advance(PAST_EXPIRY);
    CompletableFuture<Object> reload = new CompletableFuture<>();
    delegate.answer("listPrice", args -> reload);

    CompletionStage<?> stale = (CompletionStage<?>) call("listPrice", "l");

    assertTrue(stale.toCompletableFuture().isDone());
    assertEquals(price("l", 1), join(stale));
    reload.complete(price("l", 2));
    executor.awaitIdle();
    assertEquals(price("l", 2), join(call("listPrice", "l")));
  }

  @Test
  void withinStaleIfErrorAFailingDelegateIsAnsweredWithTheOldValue() throws Throwable {
    delegate.answer("stock", args -> 7L);
    assertEquals(7L, call("stock", "s"));
    clock.advance(PAST_EXPIRY);
    delegate.answer(
        "stock",
        args -> {
          throw new IllegalStateException("inventory service down");
        });

    assertEquals(7L, call("stock", "s"), "the stale value instead of the failure");
    assertEquals(2, delegate.calls("stock"), "the reload ran in the caller's call");

    clock.advance(Duration.ofMinutes(10)); // beyond the 10 m window
    IllegalStateException failure =
        assertThrows(IllegalStateException.class, () -> call("stock", "s"));
    assertEquals("inventory service down", failure.getMessage());
  }

  @Test
  void withinStaleIfErrorAFailedFutureCompletesWithTheOldValue() throws Throwable {
    delegate.answer("quote", args -> CompletableFuture.completedFuture(price("q", 5)));
    assertEquals(price("q", 5), join(call("quote", "q")));
    clock.advance(Duration.ofMinutes(5)); // past the 30 s stale-while-revalidate window
    delegate.answer(
        "quote", args -> CompletableFuture.failedFuture(new IOException("pricing down")));

    assertEquals(price("q", 5), join(call("quote", "q")));
    assertEquals(2, delegate.calls("quote"));
  }

  @Test
  void aFreshEntryIsAnsweredWithoutTheDelegate() throws Throwable {
    delegate.answer("price", args -> price("p", 9));

    assertEquals(price("p", 9), call("price", "p"));
    assertEquals(price("p", 9), call("price", "p"));
    assertEquals(1, delegate.calls("price"));
  }

  private Object price(String sku, long cents) throws ReflectiveOperationException {
    return classes
        .load("com.acme.fresh.Prices$Price")
        .getConstructor(String.class, long.class)
        .newInstance(sku, cents);
  }

  private static Object join(Object stage)
      throws InterruptedException, ExecutionException, TimeoutException {
    return ((CompletionStage<?>) stage)
        .toCompletableFuture()
        .get(DEADLINE_SECONDS, TimeUnit.SECONDS);
  }

  private Object call(String name, Object... args) throws Throwable {
    Method method =
        Arrays.stream(prices.getMethods())
            .filter(m -> m.getName().equals(name) && m.getParameterCount() == args.length)
            .findFirst()
            .orElseThrow();
    try {
      return method.invoke(cached, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /**
   * The runtime's executor, counting the tasks it runs, so that a test can wait until the
   * background work it started, and everything that work handed on, is done.
   */
  private static final class TrackingExecutor implements Executor {
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private int running;

    @Override
    public void execute(Runnable task) {
      synchronized (this) {
        running++;
      }
      threads.execute(
          () -> {
            try {
              task.run();
            } finally {
              synchronized (this) {
                running--;
                notifyAll();
              }
            }
          });
    }

    /** Waits until no task runs or waits to run; a task's follow-ups are counted before it ends. */
    synchronized void awaitIdle() throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
      while (running > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError(running + " background tasks still running at the deadline");
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
    }

    void shutdown() {
      threads.shutdownNow();
    }
  }
}
