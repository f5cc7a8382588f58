package bad;

import dev.cachegen.annotations.Cached;

public interface StaleWhileRevalidateNegative {
  @Cached(
      ttl = "1m",
      staleWhileRevalidate = "-30s") // ERROR
  String find(long id);
}
