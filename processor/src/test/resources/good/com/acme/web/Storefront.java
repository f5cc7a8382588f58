package com.acme.web;

import dev.cachegen.annotations.CacheControl;
import dev.cachegen.annotations.Cached;
import dev.cachegen.annotations.ETag;
import dev.cachegen.annotations.Invalidate;
import dev.cachegen.annotations.Visibility;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A shop's HTTP API: public configuration and content-addressed assets for everyone, private
 * per-user data, a balance nobody may store. The interface's @CacheControl is the default; methods
 * with their own replace it.
 */
@CacheControl(visibility = Visibility.PUBLIC, maxAge = "1m", vary = "Accept-Encoding")
public interface Storefront {
  record Config(String currency, List<String> locales) {}

  record Asset(String hash, String body) {}

  record Profile(String userId, String name, Instant updatedAt) {}

  record Balance(String accountId, long cents) {}

  /** A bean, read through a getter. */
  final class Article {
    private final long id;
    private final OffsetDateTime publishedAt;

    public Article(long id, OffsetDateTime publishedAt) {
      this.id = id;
      this.publishedAt = publishedAt;
    }

    public long getId() {
      return id;
    }

    public OffsetDateTime getPublishedAt() {
      return publishedAt;
    }
  }

  record Report(String name, Date generated) {}

  /** The interface's policy: public, max-age=60, Vary: Accept-Encoding. */
  @Cached(ttl = "10m")
  Config config();

  /** Content-addressed, so it never changes under its URL. */
  @Cached(ttl = "1h")
  @CacheControl(
      visibility = Visibility.PUBLIC,
      maxAge = "365d",
      sMaxAge = "30d",
      immutable = true,
      etag = ETag.WEAK)
  Asset asset(String hash);

  /** Per user, not cached in the application, revalidated on every use. */
  @CacheControl(
      maxAge = "0s",
      mustRevalidate = true,
      lastModified = "updatedAt",
      vary = {"Cookie", "Accept-Language"})
  Profile profile(String userId);

  @CacheControl(noStore = true, etag = ETag.NONE)
  Balance balance(String accountId);

  @CacheControl(
      visibility = Visibility.PUBLIC,
      noCache = true,
      staleIfError = "PT24H",
      lastModified = "publishedAt")
  Optional<Article> article(long id);

  @CacheControl(
      maxAge = "5m",
      staleWhileRevalidate = "30s",
      lastModified = "generated")
  CompletableFuture<Report> report(String name);

  /** The interface's policy, for a generic value and a primitive. */
  List<Asset> assets();

  int assetCount();

  /** Not covered: returns nothing. */
  void ping();

  /** Not covered: it changes a cache, so it is not served as a cacheable read. */
  @Invalidate(name = "Storefront.config")
  Config reloadConfig();
}
