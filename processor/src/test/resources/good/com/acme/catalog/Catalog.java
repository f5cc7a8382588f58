package com.acme.catalog;

import dev.cachegen.annotations.CacheKey;
import dev.cachegen.annotations.Cached;
import dev.cachegen.annotations.StampedePolicy;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;

/** Holds the interfaces: the decorator of a nested interface is CachedCatalog_Products. */
public final class Catalog {
  private Catalog() {}

  public record Product(String sku, String name, long priceCents) {}

  public record Page(int number, int size) {}

  public enum Region {
    EU,
    US
  }

  public interface Reader<T> {
    T read(String id) throws IOException;

    @Cached(name = "catalog.labels", ttl = "30s")
    List<String> labels(Region region);
  }

  public interface Products<T extends Comparable<T>> extends Reader<T> {
    @Cached(key = "{region}:{page}", ttl = "PT2M")
    CompletableFuture<List<Product>> page(Region region, Page page);

    @Cached(ttl = "1h", sliding = true, cacheNulls = true)
    Optional<Product> bySku(String sku) throws IOException, TimeoutException;

    @Cached(stampede = StampedePolicy.NONE)
    CompletionStage<Map<String, List<? extends Product>>> grouped(
        @CacheKey Region region, boolean verbose);

    @Cached(key = "{prefix}")
    int count(String prefix, String... tags);

    @Cached(ttl = "45s")
    byte[] thumbnail(UUID id, int size);

    @Cached
    Product find(String delegate, long key);

    @Cached
    Product find(long id, String cached);

    <R> R convert(T value, Class<R> type);

    default String describe(Product product) {
      return product.name();
    }

    @Cached
    default long total(Region region) {
      return 0;
    }

    void touch(T value);
  }
}
