package bad;

import dev.cachegen.annotations.Cached;
import java.time.Instant;

public interface TtlFromWithSliding {
  record Token(String value, Instant expiresAt) {}

  @Cached(ttl = "1h", sliding = true, ttlFrom = "{result.expiresAt}") // ERROR
  Token token(String user);
}
