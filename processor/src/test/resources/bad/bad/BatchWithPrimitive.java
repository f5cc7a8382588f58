package bad;

import dev.cachegen.annotations.Cached;
import java.util.Collection;
import java.util.Map;

public interface BatchWithPrimitive {
  @Cached(batchWith = "counts") // ERROR
  long count(String name);

  Map<String, Long> counts(Collection<String> names);
}
