package bad;

import dev.cachegen.annotations.Cached;
import java.util.Collection;
import java.util.List;

public interface BulkReturnsList {
  record Item(long id, String name) {}

  @Cached // ERROR
  List<Item> findAll(Collection<Long> ids);
}
