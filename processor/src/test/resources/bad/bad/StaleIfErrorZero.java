package bad;

import dev.cachegen.annotations.Cached;

public interface StaleIfErrorZero {
  @Cached(
      ttl = "1m",
      staleIfError = "0s") // ERROR
  String find(long id);
}
