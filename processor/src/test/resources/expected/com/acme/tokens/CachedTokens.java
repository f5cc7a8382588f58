package com.acme.tokens;

import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.runtime.http.HttpCachePolicy;
import dev.cachegen.runtime.internal.Cache;
import dev.cachegen.runtime.internal.CacheDefinition;
import dev.cachegen.runtime.internal.CacheEntry;
import dev.cachegen.runtime.internal.Keys;
import dev.cachegen.runtime.internal.Values;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.annotation.processing.Generated;

/**
 * Caching decorator of {@link Tokens}, written by cachegen from the interface's annotations.
 * Calls of cached methods are answered from the caches when possible; all other calls go straight to the delegate.
 * The {@code _HTTP} constants say how HTTP clients and shared caches may keep the answers of the methods with {@code @CacheControl}; serve them with {@code dev.cachegen.runtime.http.HttpCacheHandler}.
 */
@Generated("dev.cachegen.processor.CachingProcessor")
public final class CachedTokens implements Tokens {
  /**
   * HTTP caching of {@link Tokens#token(String)}: {@code Cache-Control: private, must-revalidate} and a {@code max-age} of the time the value has left to live. Serve it with {@code HttpCacheHandler.builder(TOKEN_HTTP)}.
   */
  public static final HttpCachePolicy<Tokens.Token> TOKEN_HTTP =
      HttpCachePolicy.builder(Tokens.Token.class)
          .cacheControl("private, must-revalidate")
          .maxAgeFromTtl((result, nowMillis) -> Values.ttlMillis(result == null ? null : result.expiresAt(), nowMillis), Duration.ofNanos(3_600_000_000_000L)) // {result.expiresAt}, at most 1h
          .build();

  /**
   * Cache of {@link Tokens#token(String)}; value shape {@code com.acme.tokens.Tokens.Token(value:java.lang.String,expiresAt:java.time.Instant)}.
   */
  private static final CacheDefinition<Tokens.Token> TOKEN =
      CacheDefinition.<Tokens.Token>builder("Tokens.token", Tokens.Token.class)
          .shape("d8089b87")
          .ttlNanos(3_600_000_000_000L) // 1h
          .localTtlNanos(60_000_000_000L) // 1m
          .ttlFrom((result, nowMillis) -> Values.ttlMillis(result == null ? null : result.expiresAt(), nowMillis)) // {result.expiresAt}
          .build();

  /**
   * Cache of {@link Tokens#lease(String)}; value shape {@code com.acme.tokens.Tokens.Lease(holder:java.lang.String,ttl:java.time.Duration)}.
   */
  private static final CacheDefinition<Tokens.Lease> LEASE =
      CacheDefinition.<Tokens.Lease>builder("Tokens.lease", Tokens.Lease.class)
          .shape("5aa4b3e5")
          .ttlNanos(3_600_000_000_000L) // 1h
          .localTtlNanos(60_000_000_000L) // 1m
          .ttlFrom((result, nowMillis) -> Values.ttlMillis(result == null ? null : result.ttl(), nowMillis)) // {result.ttl}
          .build();

  /**
   * Cache of {@link Tokens#price(String)}; value shape {@code com.acme.tokens.Tokens.Price(cents:long,validUntilMillis:long)}.
   */
  private static final CacheDefinition<Tokens.Price> PRICE =
      CacheDefinition.<Tokens.Price>builder("Tokens.price", Tokens.Price.class)
          .shape("a878de4d")
          .ttlNanos(3_600_000_000_000L) // 1h
          .localTtlNanos(60_000_000_000L) // 1m
          .ttlFrom((result, nowMillis) -> Values.ttlMillis(result == null ? null : result.validUntilMillis(), nowMillis)) // {result.validUntilMillis}
          .build();

  /**
   * Cache of {@link Tokens#tokens(Collection)}; value shape {@code com.acme.tokens.Tokens.Token(value:java.lang.String,expiresAt:java.time.Instant)}.
   */
  private static final CacheDefinition<Tokens.Token> TOKENS =
      CacheDefinition.<Tokens.Token>builder("Tokens.token", Tokens.Token.class)
          .shape("d8089b87")
          .ttlNanos(3_600_000_000_000L) // 1h
          .localTtlNanos(60_000_000_000L) // 1m
          .ttlFrom((result, nowMillis) -> Values.ttlMillis(result == null ? null : result.expiresAt(), nowMillis)) // {result.expiresAt}
          .build();

  private final Tokens delegate;

  private final Cache<Tokens.Token> tokenCache;

  private final Cache<Tokens.Lease> leaseCache;

  private final Cache<Tokens.Price> priceCache;

  private final Cache<Tokens.Token> tokensCache;

  /**
   * Decorates {@code delegate}, keeping cached values in the caches of {@code runtime}.
   */
  public CachedTokens(Tokens delegate, CacheRuntime runtime) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    Objects.requireNonNull(runtime, "runtime");
    this.tokenCache = runtime.cache(TOKEN);
    this.leaseCache = runtime.cache(LEASE);
    this.priceCache = runtime.cache(PRICE);
    this.tokensCache = runtime.cache(TOKENS);
  }

  /**
   * Cached {@link Tokens#token(String)}: L1, then L2, then the delegate.
   */
  @Override
  public Tokens.Token token(String user) {
    Object key = Keys.local(user);
    CacheEntry<Tokens.Token> cached = tokenCache.getIfPresent(key);
    if (cached != null) {
      return cached.value();
    }
    String sharedKey = tokenCache.sharedKey().value(user).build();
    return tokenCache.get(key, sharedKey, cached, () -> this.delegate.token(user));
  }

  /**
   * Cached {@link Tokens#lease(String)}: L1, then L2, then the delegate.
   */
  @Override
  public Optional<Tokens.Lease> lease(String name) {
    Object key = Keys.local(name);
    CacheEntry<Tokens.Lease> cached = leaseCache.getIfPresent(key);
    if (cached != null) {
      return Optional.ofNullable(cached.value());
    }
    String sharedKey = leaseCache.sharedKey().value(name).build();
    return Optional.ofNullable(leaseCache.get(key, sharedKey, cached, () -> Values.orNull(this.delegate.lease(name))));
  }

  /**
   * Cached {@link Tokens#price(String)}: L1, then L2, then the delegate.
   */
  @Override
  public CompletableFuture<Tokens.Price> price(String sku) {
    Object key = Keys.local(sku);
    CacheEntry<Tokens.Price> cached = priceCache.getIfPresent(key);
    if (cached != null) {
      return CompletableFuture.completedFuture(cached.value());
    }
    String sharedKey = priceCache.sharedKey().value(sku).build();
    return priceCache.getAsync(key, sharedKey, cached, () -> this.delegate.price(sku));
  }

  /**
   * Cached bulk {@link Tokens#tokens(Collection)}: each key on its own, L1, then L2, then one delegate call with the keys still missing.
   */
  @Override
  public Map<String, Tokens.Token> tokens(Collection<String> users) {
    return tokensCache.getAll(
        users,
        user -> Keys.local(user),
        user -> tokensCache.sharedKey().value(user).build(),
        missing -> this.delegate.tokens(missing));
  }
}
