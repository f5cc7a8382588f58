package dev.cachegen.runtime.tier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, item 4: the in-process hit counter is exact for Micrometer, with more threads than it
 * has cells (so some threads share the adder), while it is read concurrently.
 */
class HitCounterTest {

  @Test
  void countsEveryIncrementOfEveryThreadExactly() throws Exception {
    HitCounter counter = new HitCounter();
    int threads = HitCounter.CELLS * 3;
    int each = 20_000;
    CountDownLatch start = new CountDownLatch(1);
    AtomicLong made = new AtomicLong();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread worker =
          new Thread(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  return;
                }
                for (int i = 0; i < each; i++) {
                  counter.increment();
                  made.incrementAndGet();
                }
              });
      worker.start();
      workers.add(worker);
    }
    start.countDown();
    long last = 0;
    while (workers.stream().anyMatch(Thread::isAlive)) {
      long read = counter.sum();
      long upper = made.get() + threads; // each thread may have counted one not yet recorded
      assertTrue(read <= upper, read + " counted, at most " + upper + " made");
      last = Math.max(last, read);
    }
    for (Thread worker : workers) {
      worker.join();
    }
    assertEquals((long) threads * each, counter.sum());
    assertTrue(last <= counter.sum());
  }

  @Test
  void aThreadCountsInItsOwnCellAcrossCalls() {
    HitCounter counter = new HitCounter();
    for (int i = 0; i < 1_000; i++) {
      counter.increment();
    }
    assertEquals(1_000, counter.sum());
  }
}
