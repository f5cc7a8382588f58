package bad;

import dev.cachegen.annotations.Cached;
import java.time.Instant;

public interface TtlFromSyntax {
  record Token(String value, Instant expiresAt) {}

  @Cached(ttl = "1h", ttlFrom = "expires: {result.expiresAt}") // ERROR
  Token token(String user);
}
