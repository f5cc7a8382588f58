package bad;

import dev.cachegen.annotations.Cached;
import java.time.Instant;

public interface TtlFromSharedConflict {
  record Token(String value, Instant expiresAt) {}

  @Cached(name = "tokens", ttl = "1h", ttlFrom = "{result.expiresAt}")
  Token token(String user);

  @Cached(name = "tokens", ttl = "1h") // ERROR
  Token other(String user);
}
