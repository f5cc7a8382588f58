package bad;

import dev.cachegen.annotations.Cached;
import java.util.Collection;
import java.util.Map;

public interface BulkThrowsThrowable {
  record Item(long id, String name) {}

  @Cached // ERROR
  Map<Long, Item> findAll(Collection<Long> ids) throws Throwable;
}
