package bad;

import dev.cachegen.annotations.Cached;
import java.util.Collection;
import java.util.Map;

public interface BulkEarlyRefresh {
  record Item(long id, String name) {}

  @Cached(
      earlyRefresh = 1.0) // ERROR
  Map<Long, Item> findAll(Collection<Long> ids);
}
