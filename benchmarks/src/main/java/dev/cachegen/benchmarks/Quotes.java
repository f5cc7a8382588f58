package dev.cachegen.benchmarks;

import dev.cachegen.annotations.Cached;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import reactor.core.publisher.Mono;

/**
 * The same lookup cached five ways, for {@link ReturnKindHitBenchmark}: a plain value with a fixed
 * ttl, a plain value whose ttl comes from the value ({@code ttlFrom}; once living longer than
 * {@code localTtl}, once shorter), a {@code CompletableFuture} and a Reactor {@code Mono}.
 */
public interface Quotes {
  /** A price valid until a point in time. */
  record Quote(long id, long cents, Instant validUntil) {}

  @Cached(name = "quotes.fixed", ttl = "10m")
  Quote fixed(long id);

  @Cached(name = "quotes.ttlFrom", ttl = "10m", ttlFrom = "{result.validUntil}")
  Quote ttlFrom(long id);

  /** Quotes valid for less than {@code localTtl}: each in-process hit checks the expiry. */
  @Cached(
      name = "quotes.ttlFromShort",
      ttl = "1h",
      localTtl = "30m",
      ttlFrom = "{result.validUntil}")
  Quote ttlFromShort(long id);

  @Cached(name = "quotes.future", ttl = "10m")
  CompletableFuture<Quote> future(long id);

  @Cached(name = "quotes.mono", ttl = "10m")
  Mono<Quote> mono(long id);
}
