package bad;

import dev.cachegen.annotations.CacheControl;
import dev.cachegen.annotations.Cached;
import java.time.Instant;

public interface CacheControlMaxAgeFromTtlWithoutTtlFrom {
  record Token(String value, Instant expiresAt) {}

  @Cached(ttl = "1h")
  @CacheControl(maxAgeFromTtl = true) // ERROR
  Token token(String user);
}
