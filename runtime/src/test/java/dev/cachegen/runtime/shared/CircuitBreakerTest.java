package dev.cachegen.runtime.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
  private final AtomicLong now = new AtomicLong(1_000);
  private final AtomicInteger opened = new AtomicInteger();
  private final AtomicInteger closed = new AtomicInteger();
  private final CircuitBreaker breaker =
      new CircuitBreaker(
          3,
          100,
          now::get,
          new CircuitBreaker.Listener() {
            @Override
            public void opened(Throwable cause) {
              opened.incrementAndGet();
            }

            @Override
            public void closed() {
              closed.incrementAndGet();
            }
          });

  private void fail() {
    assertTrue(breaker.tryAcquire());
    breaker.onFailure(new RuntimeException("down"));
  }

  @Test
  void opensAfterConsecutiveFailuresOnly() {
    fail();
    fail();
    assertTrue(breaker.tryAcquire());
    breaker.onSuccess();
    fail();
    fail();
    assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
    fail();
    assertEquals(CircuitBreaker.State.OPEN, breaker.state());
    assertFalse(breaker.tryAcquire());
    assertEquals(1, opened.get());
  }

  @Test
  void letsOneProbeThroughAfterTheOpenPeriod() {
    fail();
    fail();
    fail();
    now.addAndGet(100);
    assertEquals(CircuitBreaker.State.HALF_OPEN, breaker.state());
    assertTrue(breaker.tryAcquire(), "the probe");
    assertFalse(breaker.tryAcquire(), "a second caller while the probe is out");
    breaker.onSuccess();
    assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
    assertTrue(breaker.tryAcquire());
    assertEquals(1, closed.get());
  }

  @Test
  void aFailedProbeOpensItAgain() {
    fail();
    fail();
    fail();
    now.addAndGet(150);
    assertTrue(breaker.tryAcquire());
    breaker.onFailure(new RuntimeException("still down"));
    assertEquals(CircuitBreaker.State.OPEN, breaker.state());
    assertFalse(breaker.tryAcquire());
    now.addAndGet(100);
    assertTrue(breaker.tryAcquire());
    assertEquals(1, opened.get(), "one warning per outage");
  }
}
