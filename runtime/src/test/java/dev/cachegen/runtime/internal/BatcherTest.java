package dev.cachegen.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BatcherTest {
  private final List<List<Integer>> calls = new CopyOnWriteArrayList<>();

  private Map<Integer, String> squares(Collection<Integer> keys) {
    calls.add(new ArrayList<>(keys));
    Map<Integer, String> found = new HashMap<>();
    for (int key : keys) {
      if (key >= 0) {
        found.put(key, "v" + key * key);
      }
    }
    return found;
  }

  @Test
  void keysWithinTheWindowShareOneBulkCall() throws Exception {
    try (Batcher<Integer, String> batcher =
        Batcher.of("squares", Duration.ofMillis(200), 100, this::squares)) {
      List<CompletableFuture<String>> futures = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        futures.add(batcher.loadAsync(i));
      }
      futures.add(batcher.loadAsync(3)); // a repeated key shares the first one's future
      for (int i = 0; i < 10; i++) {
        assertEquals("v" + i * i, futures.get(i).get(5, TimeUnit.SECONDS));
      }
      assertEquals(1, calls.size());
      assertEquals(10, calls.get(0).size());
      assertEquals(1, batcher.batches());
    }
  }

  @Test
  void aFullBatchGoesAtOnce() throws Exception {
    try (Batcher<Integer, String> batcher =
        Batcher.of("squares", Duration.ofSeconds(30), 3, this::squares)) {
      CompletableFuture<String> a = batcher.loadAsync(1);
      batcher.loadAsync(2);
      batcher.loadAsync(3);
      assertEquals("v1", a.get(5, TimeUnit.SECONDS), "did not wait for the 30 s window");
      assertEquals(List.of(List.of(1, 2, 3)), calls);
    }
  }

  @Test
  void missingKeysAreNullAndFailuresReachEveryCaller() throws Exception {
    try (Batcher<Integer, String> batcher =
        Batcher.of("squares", Duration.ZERO, 10, this::squares)) {
      assertNull(batcher.load(-1));
    }
    IOException failure = new IOException("database down");
    try (Batcher<Integer, String> failing =
        Batcher.of(
            "failing",
            Duration.ofMillis(50),
            10,
            keys -> {
              throw failure;
            })) {
      CompletableFuture<String> first = failing.loadAsync(1);
      assertSame(failure, assertThrows(IOException.class, () -> failing.load(2)));
      assertEquals(
          failure,
          assertThrows(java.util.concurrent.ExecutionException.class, first::get).getCause());
    }
  }
}
