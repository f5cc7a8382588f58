package bad;

import dev.cachegen.annotations.Cached;
import java.util.Collection;
import java.util.Map;

public interface BulkRawMap {
  @SuppressWarnings("rawtypes")
  @Cached // ERROR
  Map findAll(Collection<Long> ids);
}
