package bad;

import dev.cachegen.annotations.CacheControl;
import dev.cachegen.annotations.Cached;
import java.time.Instant;

public interface CacheControlMaxAgeFromTtlWithMaxAge {
  record Token(String value, Instant expiresAt) {}

  @Cached(ttl = "1h", ttlFrom = "{result.expiresAt}")
  @CacheControl(
      maxAge = "1m",
      maxAgeFromTtl = true) // ERROR
  Token token(String user);
}
