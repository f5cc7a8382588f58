package bad;

import dev.cachegen.annotations.Cached;
import java.util.Collection;
import java.util.Map;

public interface BulkSharedFreshCache {
  record Item(long id, String name) {}

  @Cached(name = "items")
  Map<Long, Item> findAll(Collection<Long> ids);

  @Cached(name = "items", earlyRefresh = 1.0) // ERROR
  Item find(long id);
}
