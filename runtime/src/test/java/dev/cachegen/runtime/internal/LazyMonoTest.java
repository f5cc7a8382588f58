package dev.cachegen.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@link LazyMono} behaves as {@code Mono.defer} does, checked side by side with it, except that
 * {@code block()} lets the supplied {@code Mono} answer: a {@code Mono.just} answers at once.
 */
class LazyMonoTest {
  private static final List<Function<Supplier<Mono<String>>, Mono<String>>> BOTH =
      List.of(Mono::defer, LazyMono::defer);

  @Test
  void nothingHappensBeforeASubscriptionAndEachOneCallsTheSupplierAgain() {
    AtomicInteger calls = new AtomicInteger();
    Mono<String> mono = LazyMono.defer(() -> Mono.just("v" + calls.incrementAndGet()));
    assertEquals(0, calls.get());
    assertEquals("v1", mono.block());
    assertEquals("v2", mono.block(Duration.ofSeconds(5)));
    assertEquals(List.of("v3"), mono.flux().collectList().block());
    assertEquals(3, calls.get());
    assertNull(LazyMono.defer(Mono::empty).block(), "empty blocks to null");
  }

  @Test
  void aSuppliedJustAnswersBlockOnANonBlockingThreadLikeMonoJustWhileAPendingMonoRefuses()
      throws Exception {
    CompletableFuture<Object> hit = new CompletableFuture<>();
    CompletableFuture<Object> pending = new CompletableFuture<>();
    Schedulers.parallel()
        .schedule(
            () -> {
              hit.complete(capture(() -> LazyMono.defer(() -> Mono.just("hit")).block()));
              pending.complete(capture(() -> LazyMono.defer(Mono::never).block()));
            });
    assertEquals("hit", hit.get(5, TimeUnit.SECONDS));
    IllegalStateException refused =
        assertInstanceOf(IllegalStateException.class, pending.get(5, TimeUnit.SECONDS));
    assertTrue(refused.getMessage().contains("blocking"), refused.getMessage());
  }

  @Test
  void whatTheSupplierThrowsIsSignalledAndBlockThrowsItAsMonoDeferDoes() {
    for (Function<Supplier<Mono<String>>, Mono<String>> defer : BOTH) {
      Mono<String> failing =
          defer.apply(
              () -> {
                throw new IllegalArgumentException("bad key");
              });
      IllegalArgumentException thrown =
          assertThrows(IllegalArgumentException.class, failing::block);
      assertEquals("bad key", thrown.getMessage());
      assertThrows(IllegalArgumentException.class, () -> failing.block(Duration.ofSeconds(5)));
      CompletableFuture<String> signalled = failing.toFuture();
      assertInstanceOf(
          IllegalArgumentException.class,
          assertThrows(Exception.class, signalled::join).getCause());
      assertThrows(NullPointerException.class, defer.apply(() -> null)::block);
    }
  }

  @Test
  void aSuppliedErrorAndATimeoutReachBlockAsWithMonoDefer() {
    for (Function<Supplier<Mono<String>>, Mono<String>> defer : BOTH) {
      RuntimeException checked =
          assertThrows(
              RuntimeException.class,
              defer.apply(() -> Mono.error(new IOException("down")))::block);
      assertInstanceOf(IOException.class, checked.getCause(), "wrapped as Reactor wraps it");
      IllegalStateException timeout =
          assertThrows(
              IllegalStateException.class,
              () -> defer.apply(Mono::never).block(Duration.ofMillis(50)));
      assertTrue(timeout.getMessage().contains("Timeout"), timeout.getMessage());
    }
  }

  @Test
  void aSubscriberGetsTheSuppliedMonosSignals() {
    Mono<String> mono = LazyMono.defer(() -> Mono.just("value"));
    assertEquals("value", mono.toFuture().join());
    assertSame(Boolean.TRUE, mono.hasElement().block());
  }

  private static Object capture(Supplier<Object> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      return e;
    }
  }
}
