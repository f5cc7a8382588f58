package com.acme.bulk;

import com.acme.Item;
import com.acme.Owner;
import dev.cachegen.annotations.Cached;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Single and bulk reads of one cache, and an owner lookup whose misses are batched. */
public interface Directory {
  @Cached(name = "items", ttl = "10m")
  Item find(long id);

  @Cached(name = "items", ttl = "10m")
  Map<Long, Item> findAll(Collection<Long> ids);

  @Cached(name = "owners", batchWith = "owners", batchWindow = "5ms", maxBatch = 50)
  Owner owner(long id);

  /** Loads owners in bulk; not cached itself, only used for batches. */
  Map<Long, Owner> owners(List<Long> ids);
}
