package bad;

import dev.cachegen.annotations.CacheKey;
import dev.cachegen.annotations.Cached;
import dev.cachegen.annotations.WriteThrough;

public interface WriteKeyWithCacheKey {
  record Item(long id, String name) {}

  @Cached(name = "items")
  Item find(long id);

  @WriteThrough(name = "items", key = "{item.id}", value = "item") // ERROR
  void save(@CacheKey long id, Item item);
}
