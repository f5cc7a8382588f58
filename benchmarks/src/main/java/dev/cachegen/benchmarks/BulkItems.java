package dev.cachegen.benchmarks;

import dev.cachegen.annotations.Cached;
import java.util.Collection;
import java.util.Map;

/** One cache read one key at a time and many keys at once. */
public interface BulkItems {
  @Cached(name = "bulkItems", ttl = "1h", localTtl = "1h")
  Item find(long id);

  @Cached(name = "bulkItems", ttl = "1h", localTtl = "1h")
  Map<Long, Item> findAll(Collection<Long> ids);
}
