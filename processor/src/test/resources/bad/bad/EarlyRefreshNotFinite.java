package bad;

import dev.cachegen.annotations.Cached;

public interface EarlyRefreshNotFinite {
  @Cached(
      earlyRefresh = Double.POSITIVE_INFINITY) // ERROR
  String find(long id);
}
