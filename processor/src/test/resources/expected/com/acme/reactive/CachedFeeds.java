package com.acme.reactive;

import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.runtime.internal.Cache;
import dev.cachegen.runtime.internal.CacheDefinition;
import dev.cachegen.runtime.internal.CacheEntry;
import dev.cachegen.runtime.internal.Keys;
import dev.cachegen.runtime.internal.LazyMono;
import dev.cachegen.runtime.internal.Types;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javax.annotation.processing.Generated;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Caching decorator of {@link Feeds}, written by cachegen from the interface's annotations.
 * Calls of cached methods are answered from the caches when possible; all other calls go straight to the delegate.
 */
@Generated("dev.cachegen.processor.CachingProcessor")
public final class CachedFeeds implements Feeds {
  /**
   * Cache of {@link Feeds#post(long)}; value shape {@code com.acme.reactive.Feeds.Post(id:long,title:java.lang.String)}.
   */
  private static final CacheDefinition<Feeds.Post> POST =
      CacheDefinition.<Feeds.Post>builder("Feeds.post", Feeds.Post.class)
          .shape("7c492d35")
          .ttlNanos(300_000_000_000L) // 5m
          .localTtlNanos(60_000_000_000L) // 1m
          .build();

  /**
   * Cache of {@link Feeds#byAuthor(String)}; value shape {@code java.util.List<com.acme.reactive.Feeds.Post(id:long,title:java.lang.String)>}.
   */
  private static final CacheDefinition<List<Feeds.Post>> BY_AUTHOR =
      CacheDefinition.<List<Feeds.Post>>builder("Feeds.byAuthor", Types.parameterized(List.class, Feeds.Post.class))
          .shape("3004765b")
          .ttlNanos(300_000_000_000L) // 5m
          .localTtlNanos(60_000_000_000L) // 1m
          .unless(result -> result != null && result.isEmpty()) // {result.empty}
          .build();

  /**
   * Cache of {@link Feeds#recent(int)}; value shape {@code java.util.List<com.acme.reactive.Feeds.Post(id:long,title:java.lang.String)>}.
   */
  private static final CacheDefinition<List<Feeds.Post>> RECENT =
      CacheDefinition.<List<Feeds.Post>>builder("Feeds.posts", Types.parameterized(List.class, Feeds.Post.class))
          .shape("3004765b")
          .ttlNanos(300_000_000_000L) // 5m
          .localTtlNanos(60_000_000_000L) // 1m
          .build();

  private final Feeds delegate;

  private final Cache<Feeds.Post> postCache;

  private final Cache<List<Feeds.Post>> byAuthorCache;

  private final Cache<List<Feeds.Post>> recentCache;

  /**
   * Decorates {@code delegate}, keeping cached values in the caches of {@code runtime}.
   */
  public CachedFeeds(Feeds delegate, CacheRuntime runtime) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    Objects.requireNonNull(runtime, "runtime");
    this.postCache = runtime.cache(POST);
    this.byAuthorCache = runtime.cache(BY_AUTHOR);
    this.recentCache = runtime.cache(RECENT);
  }

  /**
   * Cached {@link Feeds#post(long)}: L1, then L2, then the delegate.
   * Nothing happens before a subscription; each subscription looks at the caches again, and subscribers of one key share one load.
   */
  @Override
  public Mono<Feeds.Post> post(long id) {
    return LazyMono.defer(() -> {
      Object key = Keys.local(id);
      CacheEntry<Feeds.Post> cached = postCache.getIfPresent(key);
      if (cached != null) {
        return Mono.justOrEmpty(cached.value());
      }
      String sharedKey = postCache.sharedKey().value(id).build();
      return Mono.fromFuture(postCache.getAsync(key, sharedKey, cached, () -> this.delegate.post(id).toFuture()), true);
    });
  }

  /**
   * Cached {@link Feeds#byAuthor(String)}: L1, then L2, then the delegate.
   * Nothing happens before a subscription; each subscription looks at the caches again, and subscribers of one key share one load.
   * A loaded value for which {@code {result.empty}} holds is returned but not cached.
   */
  @Override
  public Flux<Feeds.Post> byAuthor(String author) {
    return Flux.defer(() -> {
      Object key = Keys.local(author);
      CacheEntry<List<Feeds.Post>> cached = byAuthorCache.getIfPresent(key);
      if (cached != null) {
        return Flux.fromIterable(cached.value());
      }
      String sharedKey = byAuthorCache.sharedKey().value(author).build();
      return Mono.fromFuture(byAuthorCache.getAsync(key, sharedKey, cached, () -> this.delegate.byAuthor(author).collectList().toFuture()), true)
          .flatMapIterable(Function.identity());
    });
  }

  /**
   * Cached {@link Feeds#recent(int)}: L1, then L2, then the delegate.
   * Nothing happens before a subscription; each subscription looks at the caches again, and subscribers of one key share one load.
   */
  @Override
  public Mono<List<Feeds.Post>> recent(int limit) {
    return LazyMono.defer(() -> {
      Object key = Keys.local(limit);
      CacheEntry<List<Feeds.Post>> cached = recentCache.getIfPresent(key);
      if (cached != null) {
        return Mono.justOrEmpty(cached.value());
      }
      String sharedKey = recentCache.sharedKey().value(limit).build();
      return Mono.fromFuture(recentCache.getAsync(key, sharedKey, cached, () -> this.delegate.recent(limit).toFuture()), true);
    });
  }
}
