package bad;

import dev.cachegen.annotations.Cached;
import java.util.Collection;
import java.util.Map;

public interface BulkTags {
  record Item(long id, String name) {}

  @Cached(tags = "items") // ERROR
  Map<Long, Item> findAll(Collection<Long> ids);
}
