package bad;

import dev.cachegen.annotations.Cached;
import java.util.List;

public interface ConditionNotBoolean {
  @Cached(condition = "{page}") // ERROR
  List<String> page(String owner, int page);
}
