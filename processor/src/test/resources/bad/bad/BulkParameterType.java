package bad;

import dev.cachegen.annotations.Cached;
import java.util.ArrayList;
import java.util.Map;

public interface BulkParameterType {
  record Item(long id, String name) {}

  @Cached
  Map<Long, Item> findAll(
      ArrayList<Long> ids); // ERROR
}
