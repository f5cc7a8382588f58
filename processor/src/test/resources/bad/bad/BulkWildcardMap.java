package bad;

import dev.cachegen.annotations.Cached;
import java.util.Collection;
import java.util.Map;

public interface BulkWildcardMap {
  record Item(long id, String name) {}

  @Cached // ERROR
  Map<Long, ? extends Item> findAll(Collection<Long> ids);
}
