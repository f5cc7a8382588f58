package dev.cachegen.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AwaitTest {
  @Test
  void returnsAtOnceWhenTheConditionAlreadyHolds() {
    AtomicInteger checks = new AtomicInteger();
    Await.until("nothing", () -> checks.incrementAndGet() > 0, Duration.ofMillis(1));
    assertEquals(1, checks.get());
  }

  @Test
  void returnsOnceAnotherThreadMakesTheConditionTrue() throws Exception {
    AtomicBoolean done = new AtomicBoolean();
    CountDownLatch waiting = new CountDownLatch(1);
    Thread other =
        new Thread(
            () -> {
              try {
                waiting.await(5, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              done.set(true);
            });
    other.start();
    waiting.countDown();
    Await.until("the other thread", done::get);
    assertTrue(done.get());
    other.join();
  }

  @Test
  void failsAfterTheTimeoutNamingWhatItAwaited() {
    long start = System.nanoTime();
    AssertionError error =
        assertThrows(
            AssertionError.class,
            () -> Await.until("the queue to drain", () -> false, Duration.ofMillis(50)));
    long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertEquals("Timed out after 50 ms waiting for the queue to drain", error.getMessage());
    assertTrue(waitedMillis >= 50, "waited " + waitedMillis + " ms");
  }

  @Test
  void aConditionThatThrowsEndsTheWaitWithItsException() {
    IllegalStateException thrown = new IllegalStateException("boom");
    IllegalStateException error =
        assertThrows(
            IllegalStateException.class,
            () ->
                Await.until(
                    () -> {
                      throw thrown;
                    }));
    assertSame(thrown, error);
  }

  @Test
  void anInterruptedWaiterStopsWaiting() {
    Thread.currentThread().interrupt();
    try {
      AssertionError error =
          assertThrows(
              AssertionError.class,
              () -> Await.until("nothing", () -> false, Duration.ofMinutes(1)));
      assertEquals("Interrupted while waiting for nothing", error.getMessage());
      assertTrue(Thread.currentThread().isInterrupted(), "the flag stays set");
    } finally {
      Thread.interrupted();
    }
  }
}
