package bad;

import dev.cachegen.annotations.Cached;
import java.util.Collection;
import java.util.Map;

public interface BulkElementMismatch {
  record Item(long id, String name) {}

  @Cached
  Map<String, Item> findAll(
      Collection<Long> ids); // ERROR
}
