package bad;

import dev.cachegen.annotations.Cached;
import java.util.Collection;
import java.util.Map;

public interface BatchWithThrowsThrowable {
  record Owner(long id, String email) {}

  @Cached(batchWith = "owners") // ERROR
  Owner find(long id);

  Map<Long, Owner> owners(Collection<Long> ids) throws Throwable;
}
