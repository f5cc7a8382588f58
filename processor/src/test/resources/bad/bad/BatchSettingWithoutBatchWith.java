package bad;

import dev.cachegen.annotations.Cached;

public interface BatchSettingWithoutBatchWith {
  record Owner(long id, String email) {}

  @Cached(maxBatch = 10) // ERROR
  Owner find(long id);
}
