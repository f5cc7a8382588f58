package bad;

import dev.cachegen.annotations.Cached;
import java.time.Instant;

public interface TtlFromType {
  record Token(String value, Instant expiresAt) {}

  @Cached(ttl = "1h", ttlFrom = "{result.value}") // ERROR
  Token token(String user);
}
