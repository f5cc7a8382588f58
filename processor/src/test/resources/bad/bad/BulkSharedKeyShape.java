package bad;

import dev.cachegen.annotations.Cached;
import java.util.Collection;
import java.util.Map;

public interface BulkSharedKeyShape {
  record Item(long id, String name) {}

  @Cached(name = "items", key = "item:{id}")
  Item find(long id);

  @Cached(name = "items") // ERROR
  Map<Long, Item> findAll(Collection<Long> ids);
}
