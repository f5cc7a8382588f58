package bad;

import dev.cachegen.annotations.Cached;

public interface EarlyRefreshWithSliding {
  @Cached(
      sliding = true,
      earlyRefresh = 1.0) // ERROR
  String find(long id);
}
