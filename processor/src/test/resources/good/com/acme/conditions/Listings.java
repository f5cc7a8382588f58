package com.acme.conditions;

import dev.cachegen.annotations.Cached;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Conditions before the call and unless after the load (issue 12, item 1). */
public interface Listings {
  enum Status {
    ACTIVE,
    ARCHIVED
  }

  record Query(String owner, int page, Status status, boolean fresh) {}

  record Listing(long id, String title) {}

  @Cached(condition = "{page} == 0")
  List<Listing> page(String owner, int page);

  @Cached(unless = "{result.empty}")
  List<Listing> byOwner(String owner);

  @Cached(
      key = "{query.owner}:{query.page}",
      condition = "{query.status} == ACTIVE && !{query.fresh} || {query.owner} == 'admin'")
  List<Listing> search(Query query);

  @Cached(unless = "{result.title} == null || {result.title} == ''")
  CompletableFuture<Listing> later(long id);

  @Cached(unless = "{result} == 0")
  int count(String owner);

  @Cached(name = "listings", unless = "{result.title} == 'draft'")
  Optional<Listing> find(long id);

  @Cached(name = "listings", unless = "{result.title} == 'draft'", condition = "!{ids.empty}")
  Map<Long, Listing> findAll(Collection<Long> ids);

  @Cached(name = "batched", batchWith = "loadAll", condition = "{id} != 0", unless = "{result.title} == 'draft'")
  Listing batched(long id);

  /** Loads listings in bulk; not cached itself, only used for batches. */
  Map<Long, Listing> loadAll(List<Long> ids);
}
