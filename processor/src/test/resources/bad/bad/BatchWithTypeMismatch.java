package bad;

import dev.cachegen.annotations.Cached;
import java.util.Collection;
import java.util.Map;

public interface BatchWithTypeMismatch {
  record Owner(long id, String email) {}

  @Cached(batchWith = "owners") // ERROR
  Owner find(int id);

  Map<Long, Owner> owners(Collection<Long> ids);
}
