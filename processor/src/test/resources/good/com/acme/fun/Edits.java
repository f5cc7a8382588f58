package com.acme.fun;

import com.acme.Item;
import dev.cachegen.annotations.Cached;
import dev.cachegen.annotations.Invalidate;
import dev.cachegen.annotations.InvalidateTags;
import dev.cachegen.annotations.WriteBehind;
import dev.cachegen.annotations.WriteThrough;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Writes over unusual signatures: each must compile without warnings, under javac and ECJ. */
public interface Edits {
  @Cached(name = "items")
  Item find(long id);

  @Cached(name = "counts", key = "{name}", cacheNulls = true)
  long count(String name);

  @WriteThrough(name = "items", key = "{result.id}")
  Optional<Item> maybeCreate(String name);

  @WriteThrough(name = "counts", key = "{name}")
  long recount(String name);

  @WriteThrough(name = "items", key = "{result.id}")
  @Invalidate(name = "counts", key = "{result.name}")
  CompletionStage<Item> createLater(String name);

  /** A parameter named like the returned value: templates mean the parameter. */
  @WriteThrough(name = "items", key = "{result.id}", value = "result")
  Item replace(Item result, String key, String sharedKey);

  @WriteBehind(name = "counts", key = "{name}", value = "count")
  void setCount(String name, long count, String... notes) throws java.io.IOException;

  @WriteBehind(name = "counts", key = "{name}", value = "count")
  void setCount(String name, long count, int attempt);

  @Invalidate(name = "items", key = "{id}")
  @InvalidateTags("item:{id}")
  Item remove(long id);

  /** Only tags: no cache needed. */
  interface Tagged {
    @InvalidateTags("all")
    void flush();
  }
}
