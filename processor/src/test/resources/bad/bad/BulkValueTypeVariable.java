package bad;

import dev.cachegen.annotations.Cached;
import java.util.Collection;
import java.util.Map;

public interface BulkValueTypeVariable<T> {
  @Cached // ERROR
  Map<Long, T> findAll(Collection<Long> ids);
}
