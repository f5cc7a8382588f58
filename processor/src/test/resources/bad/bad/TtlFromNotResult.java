package bad;

import dev.cachegen.annotations.Cached;
import java.time.Instant;

public interface TtlFromNotResult {
  record Token(String value, Instant expiresAt) {}

  @Cached(ttl = "1h", ttlFrom = "{validUntil}") // ERROR
  Token token(String user, Instant validUntil);
}
