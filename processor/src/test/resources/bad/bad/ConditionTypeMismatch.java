package bad;

import dev.cachegen.annotations.Cached;
import java.util.List;

public interface ConditionTypeMismatch {
  @Cached(condition = "{page} == 'first'") // ERROR
  List<String> page(String owner, int page);
}
