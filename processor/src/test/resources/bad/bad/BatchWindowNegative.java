package bad;

import dev.cachegen.annotations.Cached;
import java.util.Collection;
import java.util.Map;

public interface BatchWindowNegative {
  record Owner(long id, String email) {}

  @Cached(
      batchWith = "owners",
      batchWindow = "-1ms") // ERROR
  Owner find(long id);

  Map<Long, Owner> owners(Collection<Long> ids);
}
