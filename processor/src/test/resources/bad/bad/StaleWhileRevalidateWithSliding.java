package bad;

import dev.cachegen.annotations.Cached;

public interface StaleWhileRevalidateWithSliding {
  @Cached(
      sliding = true,
      staleWhileRevalidate = "30s") // ERROR
  String find(long id);
}
