package bad;

import dev.cachegen.annotations.CacheControl;
import dev.cachegen.annotations.Cached;
import java.time.Instant;

public interface CacheControlNoStoreWithMaxAgeFromTtl {
  record Token(String value, Instant expiresAt) {}

  @Cached(ttl = "1h", ttlFrom = "{result.expiresAt}")
  @CacheControl(
      noStore = true,
      maxAgeFromTtl = true) // ERROR
  Token token(String user);
}
