package bad;

import dev.cachegen.annotations.Cached;
import java.util.Collection;
import java.util.Map;

public interface BulkSharedTaggedCache {
  record Item(long id, String name) {}

  @Cached(name = "items")
  Map<Long, Item> findAll(Collection<Long> ids);

  @Cached(name = "items", tags = "all") // ERROR
  Item find(long id);
}
