package bad;

import dev.cachegen.annotations.Cached;

public interface StaleIfErrorTooLong {
  @Cached(
      ttl = "1m",
      staleIfError = "999999999d") // ERROR
  String find(long id);
}
