package bad;

import dev.cachegen.annotations.Cached;
import java.util.List;

public interface ConditionSyntax {
  @Cached(condition = "{page} = 0") // ERROR
  List<String> page(String owner, int page);
}
