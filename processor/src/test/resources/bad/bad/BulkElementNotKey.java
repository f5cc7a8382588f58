package bad;

import dev.cachegen.annotations.Cached;
import java.util.List;
import java.util.Map;

public interface BulkElementNotKey {
  record Item(long id, String name) {}

  class Filter {}

  @Cached
  Map<Filter, Item> findAll(
      List<Filter> filters); // ERROR
}
