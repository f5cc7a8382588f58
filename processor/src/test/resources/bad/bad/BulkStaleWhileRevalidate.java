package bad;

import dev.cachegen.annotations.Cached;
import java.util.Collection;
import java.util.Map;

public interface BulkStaleWhileRevalidate {
  record Item(long id, String name) {}

  @Cached(
      staleWhileRevalidate = "30s") // ERROR
  Map<Long, Item> findAll(Collection<Long> ids);
}
