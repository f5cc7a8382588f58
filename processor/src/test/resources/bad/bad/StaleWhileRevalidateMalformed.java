package bad;

import dev.cachegen.annotations.Cached;

public interface StaleWhileRevalidateMalformed {
  @Cached(
      ttl = "1m",
      staleWhileRevalidate = "30 seconds") // ERROR
  String find(long id);
}
