package dev.cachegen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.testing.Await;
import dev.cachegen.testing.RedisExtension;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Issue 12, item 3: compiles {@code good/com/acme/reactive/Feeds.java} and runs its decorator on
 * memory and on a real Redis. A {@code Mono} is cached as its value and a {@code Flux} as its list;
 * nothing happens before a subscription; concurrent subscribers share one load, and one of them
 * cancelling does not cancel it; errors reach subscribers and are not cached; and a subscription on
 * a Reactor thread never blocks that thread, even while Redis does not answer.
 */
class ReactiveBehaviourTest {
  @RegisterExtension static final RedisExtension redis = RedisExtension.ownedPerClass();

  private static final long SECONDS = 10;

  private static GeneratedClasses classes;
  private static Class<?> feeds;

  @BeforeAll
  static void compile() {
    Compilation compilation = Compilations.strictJavac().compile(Compilations.sources("good"));
    assertThat(compilation).succeededWithoutWarnings();
    classes = new GeneratedClasses(compilation);
    feeds = classes.load("com.acme.reactive.Feeds");
  }

  static Stream<Arguments> tiers() {
    return Tiers.memoryAndRedis(redis);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tiers")
  void aMonoIsCachedAsItsValueAndAFluxAsItsList(String tier, Supplier<CacheRuntime> runtimes)
      throws Throwable {
    RecordingDelegate delegate =
        new RecordingDelegate()
            .answer("post", args -> Mono.just(post((long) args[0], "hello")))
            .answer(
                "byAuthor",
                args ->
                    args[0].equals("nobody")
                        ? Flux.empty()
                        : Flux.just(post(1, "a"), post(2, "b")));
    try (CacheRuntime runtime = runtimes.get()) {
      Object cached = decorate(delegate, runtime);
      Mono<?> post = (Mono<?>) call(cached, "post", 1L);
      assertEquals(0, delegate.calls("post"), "nothing happens before a subscription");
      assertEquals(post(1, "hello"), post.block(Duration.ofSeconds(SECONDS)));
      assertEquals(post(1, "hello"), post.block(Duration.ofSeconds(SECONDS)));
      assertEquals(1, delegate.calls("post"));

      Flux<?> byAuthor = (Flux<?>) call(cached, "byAuthor", "ann");
      assertEquals(List.of(post(1, "a"), post(2, "b")), collect(byAuthor));
      assertEquals(List.of(post(1, "a"), post(2, "b")), collect(byAuthor));
      assertEquals(1, delegate.calls("byAuthor"));
      collect((Flux<?>) call(cached, "byAuthor", "nobody"));
      assertEquals(List.of(), collect((Flux<?>) call(cached, "byAuthor", "nobody")));
      assertEquals(3, delegate.calls("byAuthor"), "unless keeps the empty list out");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tiers")
  void concurrentSubscribersShareOneLoadThatACancellationDoesNotStop(
      String tier, Supplier<CacheRuntime> runtimes) throws Throwable {
    CompletableFuture<Object> answer = new CompletableFuture<>();
    RecordingDelegate delegate =
        new RecordingDelegate().answer("post", args -> Mono.fromFuture(answer));
    try (CacheRuntime runtime = runtimes.get()) {
      Object cached = decorate(delegate, runtime);
      CompletableFuture<?> first = ((Mono<?>) call(cached, "post", 7L)).toFuture();
      Disposable cancelled = ((Mono<?>) call(cached, "post", 7L)).subscribe();
      CompletableFuture<?> third = ((Mono<?>) call(cached, "post", 7L)).toFuture();
      Await.until("the first subscription reaches the delegate", () -> delegate.calls("post") == 1);
      cancelled.dispose();
      answer.complete(post(7, "shared"));
      assertEquals(post(7, "shared"), first.get(SECONDS, TimeUnit.SECONDS));
      assertEquals(post(7, "shared"), third.get(SECONDS, TimeUnit.SECONDS));
      assertEquals(
          post(7, "shared"),
          ((Mono<?>) call(cached, "post", 7L)).block(Duration.ofSeconds(SECONDS)));
      assertEquals(1, delegate.calls("post"), "one load, cached despite the cancellation");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tiers")
  void errorsReachTheSubscriberAndAreNotCached(String tier, Supplier<CacheRuntime> runtimes)
      throws Throwable {
    RecordingDelegate delegate =
        new RecordingDelegate().answer("post", args -> Mono.error(new IOException("down")));
    try (CacheRuntime runtime = runtimes.get()) {
      Object cached = decorate(delegate, runtime);
      for (int i = 0; i < 2; i++) {
        CompletableFuture<?> failed = ((Mono<?>) call(cached, "post", 3L)).toFuture();
        ExecutionException e =
            assertThrows(ExecutionException.class, () -> failed.get(SECONDS, TimeUnit.SECONDS));
        assertInstanceOf(IOException.class, e.getCause(), "the delegate's error, unwrapped");
      }
      assertEquals(2, delegate.calls("post"));
    }
  }

  @Test
  void aSubscriptionOnAReactorThreadDoesNotBlockItWhileRedisHangs() throws Throwable {
    RecordingDelegate delegate =
        new RecordingDelegate().answer("post", args -> Mono.just(post((long) args[0], "live")));
    Scheduler reactorThread = Schedulers.newSingle("reactor-nonblocking");
    try (CacheRuntime runtime =
        CacheRuntime.builder()
            .redis(redis.uri())
            .keyPrefix(redis.newPrefix())
            .redisTimeout(Duration.ofSeconds(3))
            .build()) {
      Object cached = decorate(delegate, runtime);
      ((Mono<?>) call(cached, "post", 1L)).block(Duration.ofSeconds(SECONDS)); // connected
      redis.server().pause();
      try {
        CompletableFuture<?> value =
            ((Mono<?>) call(cached, "post", 2L)).subscribeOn(reactorThread).toFuture();
        CountDownLatch free = new CountDownLatch(1);
        reactorThread.schedule(free::countDown);
        assertTrue(
            free.await(1, TimeUnit.SECONDS),
            "the Reactor thread ran the next task at once: the subscription did not wait on Redis");
        redis.server().resume();
        assertEquals(post(2, "live"), value.get(SECONDS, TimeUnit.SECONDS));
      } finally {
        redis.server().resume();
      }
    } finally {
      reactorThread.dispose();
    }
  }

  private static List<?> collect(Flux<?> flux) {
    return flux.collectList().block(Duration.ofSeconds(SECONDS));
  }

  private static Object decorate(RecordingDelegate delegate, CacheRuntime runtime)
      throws ReflectiveOperationException {
    return classes.decorate("com.acme.reactive.CachedFeeds", feeds, delegate, runtime);
  }

  private static Object post(long id, String title) {
    try {
      return classes
          .load("com.acme.reactive.Feeds$Post")
          .getConstructor(long.class, String.class)
          .newInstance(id, title);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static Object call(Object target, String name, Object... args) throws Throwable {
    return GeneratedClasses.call(target, feeds, name, args);
  }
}
