package bad;

import dev.cachegen.annotations.Cached;

public interface StaleIfErrorWithSliding {
  @Cached(
      sliding = true,
      staleIfError = "1h") // ERROR
  String find(long id);
}
