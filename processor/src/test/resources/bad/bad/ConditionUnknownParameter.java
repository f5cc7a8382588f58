package bad;

import dev.cachegen.annotations.Cached;
import java.util.List;

public interface ConditionUnknownParameter {
  @Cached(condition = "{pages} == 0") // ERROR
  List<String> page(String owner, int page);
}
