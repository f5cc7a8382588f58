package bad;

import dev.cachegen.annotations.Cached;
import java.util.List;

public interface ConditionUnknownAccessor {
  record Query(String owner, int page) {}

  @Cached(condition = "{query.pages} == 0") // ERROR
  List<String> search(Query query);
}
