package bad;

import dev.cachegen.annotations.Cached;
import java.util.Collection;
import java.util.Map;

public interface BatchWithTwoKeyValues {
  record Owner(long id, String email) {}

  @Cached(batchWith = "owners") // ERROR
  Owner find(long id, String tenant);

  Map<Long, Owner> owners(Collection<Long> ids);
}
