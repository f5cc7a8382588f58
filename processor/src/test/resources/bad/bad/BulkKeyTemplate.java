package bad;

import dev.cachegen.annotations.Cached;
import java.util.Collection;
import java.util.Map;

public interface BulkKeyTemplate {
  record Item(long id, String name) {}

  @Cached(key = "item:{ids}") // ERROR
  Map<Long, Item> findAll(Collection<Long> ids);
}
