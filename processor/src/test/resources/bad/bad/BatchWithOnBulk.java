package bad;

import dev.cachegen.annotations.Cached;
import java.util.Collection;
import java.util.Map;

public interface BatchWithOnBulk {
  record Owner(long id, String email) {}

  @Cached(batchWith = "owners") // ERROR
  Map<Long, Owner> findAll(Collection<Long> ids);

  Map<Long, Owner> owners(Collection<Long> ids);
}
