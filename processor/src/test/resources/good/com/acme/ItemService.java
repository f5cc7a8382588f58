package com.acme;

import dev.cachegen.annotations.Cached;
import java.io.IOException;
import java.util.List;

public interface ItemService {
  @Cached(ttl = "10m")
  Item find(long id);

  @Cached(name = "items.byOwner", key = "owner:{owner.id}", ttl = "30s", localTtl = "5s")
  List<Item> byOwner(Owner owner, boolean verbose) throws IOException;

  int count();
}
