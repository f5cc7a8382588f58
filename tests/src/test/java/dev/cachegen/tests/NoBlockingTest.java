package dev.cachegen.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.testing.RedisExtension;
import dev.cachegen.tests.fixtures.CachedFeed;
import dev.cachegen.tests.fixtures.Feed;
import dev.cachegen.tests.fixtures.Item;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.blockhound.BlockHound;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Issue 12: no cached {@code Mono} or {@code Flux} call makes a blocking call on a Reactor thread.
 * BlockHound instruments the JVM (this test runs in a surefire execution of its own, see the pom)
 * and reports every blocking call made on a non-blocking thread, such as those of {@code
 * Schedulers.parallel()}. Every call below is subscribed there and every signal is taken there,
 * against a runtime with Redis: a miss that loads, an in-process hit, a hit in Redis from a second
 * runtime, and many subscribers sharing one load. The report records instead of throwing, since a
 * runtime that fails open could swallow BlockHound's error and pass.
 */
class NoBlockingTest {
  @RegisterExtension static final RedisExtension redis = RedisExtension.perClass();

  private static final List<String> blockingCalls = new CopyOnWriteArrayList<>();

  /**
   * Threads, other than Reactor's non-blocking ones, on which a decorator's Mono was subscribed.
   */
  private static final List<String> subscribedElsewhere = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void installBlockHound() {
    // install(...) adds the integrations on the class path, Reactor's among them: it marks the
    // Schedulers' threads non-blocking and allows their own waiting for work.
    BlockHound.install(
        builder ->
            builder.blockingMethodCallback(
                method ->
                    blockingCalls.add(
                        method
                            + " on "
                            + Thread.currentThread().getName()
                            + Arrays.stream(new Throwable().getStackTrace())
                                .map(frame -> "\n\tat " + frame)
                                .collect(Collectors.joining()))));
  }

  @BeforeEach
  void forgetEarlierCalls() {
    blockingCalls.clear();
    subscribedElsewhere.clear();
  }

  @Test
  void theCheckSeesABlockingCallOnAParallelThread() {
    Mono.fromCallable(
            () -> {
              Thread.sleep(1);
              return "slept";
            })
        .subscribeOn(Schedulers.parallel())
        .block(Duration.ofSeconds(10));
    assertFalse(blockingCalls.isEmpty(), "BlockHound did not report Thread.sleep");
    assertTrue(blockingCalls.get(0).contains("sleep"), blockingCalls.get(0));
  }

  @Test
  void monoAndFluxMissesHitsAndSharedLoadsNeverBlockAReactorThread() throws Exception {
    String prefix = redis.keyPrefix();
    Source first = new Source();
    Source second = new Source();
    try (CacheRuntime one = Tiers.MEMORY_AND_REDIS.runtime(redis, prefix);
        CacheRuntime two = Tiers.MEMORY_AND_REDIS.runtime(redis, prefix)) {
      Feed nodeA = new CachedFeed(first, one);
      Feed nodeB = new CachedFeed(second, two);

      assertEquals(itemOf(1), onParallel(nodeA.item(1)), "a miss, loaded");
      assertEquals(itemOf(1), onParallel(nodeA.item(1)), "an in-process hit");
      assertEquals(itemOf(1), onParallel(nodeB.item(1)), "a hit in Redis");
      assertEquals(List.of(itemOf(2), itemOf(3)), onParallel(nodeA.byTag("t").collectList()));
      assertEquals(List.of(itemOf(2), itemOf(3)), onParallel(nodeA.byTag("t").collectList()));
      assertEquals(List.of(itemOf(2), itemOf(3)), onParallel(nodeB.byTag("t").collectList()));

      List<CompletableFuture<Item>> sharing = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        sharing.add(subscribeOnParallel(nodeA.item(4)));
      }
      for (CompletableFuture<Item> subscriber : sharing) {
        assertEquals(itemOf(4), subscriber.get(10, TimeUnit.SECONDS));
      }

      assertEquals(2, first.calls("item"), "ids 1 and 4, each loaded once");
      assertEquals(1, first.calls("byTag"));
      assertEquals(0, second.calls("item") + second.calls("byTag"), "the second runtime hit Redis");
      assertEquals(List.of(), subscribedElsewhere, "every lookup ran on a Reactor thread");
    }
    assertEquals(List.of(), blockingCalls, "blocking calls on Reactor threads");
  }

  /** Subscribes on a parallel thread, takes the signals on one, and waits here for the value. */
  private static <T> T onParallel(Mono<T> mono) throws Exception {
    return subscribeOnParallel(mono).get(10, TimeUnit.SECONDS);
  }

  private static <T> CompletableFuture<T> subscribeOnParallel(Mono<T> mono) {
    Mono<T> noted =
        Mono.defer(
            () -> {
              if (!Schedulers.isInNonBlockingThread()) {
                subscribedElsewhere.add(Thread.currentThread().getName());
              }
              return mono; // subscribed here: the decorator looks at its caches on this thread
            });
    return noted
        .subscribeOn(Schedulers.parallel())
        .publishOn(Schedulers.parallel())
        .map(value -> value) // an operator running on the parallel thread
        .toFuture();
  }

  private static Item itemOf(long id) {
    return new Item(id, "item-" + id, List.of("t"), Instant.ofEpochSecond(1_700_000_000L + id));
  }

  /**
   * A reactive delegate that answers after a short delay on Reactor's timer, so concurrent
   * subscribers meet while the load is in flight. The runtime calls it on its own executor.
   */
  static final class Source implements Feed {
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    int calls(String method) {
      AtomicInteger count = calls.get(method);
      return count == null ? 0 : count.get();
    }

    private void count(String method) {
      calls.computeIfAbsent(method, name -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public Mono<Item> item(long id) {
      count("item");
      return Mono.delay(Duration.ofMillis(50)).map(tick -> itemOf(id));
    }

    @Override
    public Flux<Item> byTag(String tag) {
      count("byTag");
      return Flux.just(itemOf(2), itemOf(3)).delayElements(Duration.ofMillis(10));
    }
  }
}
