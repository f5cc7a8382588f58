package bad;

import dev.cachegen.annotations.CacheControl;
import java.time.Instant;

public interface CacheControlMaxAgeFromTtlNotCached {
  record Token(String value, Instant expiresAt) {}

  @CacheControl(maxAgeFromTtl = true) // ERROR
  Token token(String user);
}
