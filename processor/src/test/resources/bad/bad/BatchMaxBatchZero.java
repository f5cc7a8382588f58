package bad;

import dev.cachegen.annotations.Cached;
import java.util.Collection;
import java.util.Map;

public interface BatchMaxBatchZero {
  record Owner(long id, String email) {}

  @Cached(
      batchWith = "owners",
      maxBatch = 0) // ERROR
  Owner find(long id);

  Map<Long, Owner> owners(Collection<Long> ids);
}
