package bad;

import dev.cachegen.annotations.Cached;
import java.time.Instant;

public interface TtlFromUnknownAccessor {
  record Token(String value, Instant expiresAt) {}

  @Cached(ttl = "1h", ttlFrom = "{result.expiresAtt}") // ERROR
  Token token(String user);
}
