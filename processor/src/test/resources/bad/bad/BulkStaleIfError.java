package bad;

import dev.cachegen.annotations.Cached;
import java.util.Collection;
import java.util.Map;

public interface BulkStaleIfError {
  record Item(long id, String name) {}

  @Cached(
      staleIfError = "1h") // ERROR
  Map<Long, Item> findAll(Collection<Long> ids);
}
