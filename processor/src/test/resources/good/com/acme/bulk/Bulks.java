package com.acme.bulk;

import com.acme.Item;
import com.acme.Owner;
import dev.cachegen.annotations.Cached;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Bulk and batched methods over unusual signatures, and the shapes the functional tests drive: each
 * must compile without warnings, under javac and ECJ.
 */
public interface Bulks {
  /** A page of a listing: a record key. */
  record Page(int number, int size) {}

  @Cached(name = "codes", cacheNulls = true)
  Map<String, Item> byCodes(Set<String> codes);

  @Cached(name = "items")
  Item find(Long id);

  @Cached(name = "items")
  Map<Long, Item> findAll(List<Long> ids) throws IOException;

  @Cached
  Map<Page, List<Item>> pages(Set<Page> pages);

  /** A parameter named like the lambda parameter for the missing keys would be. */
  @Cached(name = "names")
  Map<String, String> names(List<String> missing);

  /** The window is long and a full batch is loaded at once: the tests fill it from threads. */
  @Cached(name = "owners", batchWith = "owners", batchWindow = "10s", maxBatch = 4)
  Owner owner(long id);

  @Cached(name = "owners.maybe", key = "owner:{owner.id}", batchWith = "owners", batchWindow = "0ms")
  Optional<Owner> maybeOwner(Owner owner);

  Map<Long, Owner> owners(Set<Long> ids) throws IOException;
}
