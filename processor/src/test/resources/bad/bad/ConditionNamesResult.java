package bad;

import dev.cachegen.annotations.Cached;
import java.util.List;

public interface ConditionNamesResult {
  @Cached(condition = "{result.empty}") // ERROR
  List<String> byOwner(String owner);
}
