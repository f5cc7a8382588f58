package bad;

import dev.cachegen.annotations.Cached;
import java.util.Collection;
import java.util.Map;

public interface BulkExtraParameter {
  record Item(long id, String name) {}

  @Cached
  Map<Long, Item> findAll(
      Collection<Long> ids,
      boolean verbose); // ERROR
}
