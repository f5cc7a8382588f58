package bad;

import dev.cachegen.annotations.Cached;

public interface EarlyRefreshNaN {
  @Cached(
      earlyRefresh = Double.NaN) // ERROR
  String find(long id);
}
