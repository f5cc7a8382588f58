package com.acme.tokens;

import dev.cachegen.annotations.CacheControl;
import dev.cachegen.annotations.Cached;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Values that know how long they are valid (issue 12, item 2). */
public interface Tokens {
  record Token(String value, Instant expiresAt) {}

  record Lease(String holder, Duration ttl) {}

  record Price(long cents, long validUntilMillis) {}

  /** Served over HTTP with a max-age that counts down to the token's expiry. */
  @Cached(ttl = "1h", ttlFrom = "{result.expiresAt}")
  @CacheControl(maxAgeFromTtl = true, mustRevalidate = true)
  Token token(String user);

  @Cached(ttl = "1h", ttlFrom = "{result.ttl}")
  Optional<Lease> lease(String name);

  @Cached(ttl = "1h", ttlFrom = "{result.validUntilMillis}")
  CompletableFuture<Price> price(String sku);

  @Cached(name = "Tokens.token", ttl = "1h", ttlFrom = "{result.expiresAt}")
  Map<String, Token> tokens(Collection<String> users);
}
