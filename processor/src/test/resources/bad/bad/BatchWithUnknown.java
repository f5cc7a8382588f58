package bad;

import dev.cachegen.annotations.Cached;
import java.util.Collection;
import java.util.Map;

public interface BatchWithUnknown {
  record Owner(long id, String email) {}

  @Cached(batchWith = "owner") // ERROR
  Owner find(long id);

  Map<Long, Owner> owners(Collection<Long> ids);
}
