package dev.cachegen.benchmarks.memory;

import dev.cachegen.annotations.Cached;

/** A small value cached by id, for {@link MemoryPerEntry}: what one in-process entry costs. */
public interface Prices {
  /** A small record: two longs. */
  record Price(long id, long cents) {}

  @Cached(name = "prices", ttl = "1h", localTtl = "1h")
  Price price(long id);
}
