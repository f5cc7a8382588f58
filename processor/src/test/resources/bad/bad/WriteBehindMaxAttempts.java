package bad;

import dev.cachegen.annotations.Cached;
import dev.cachegen.annotations.Invalidate;
import dev.cachegen.annotations.InvalidateTags;
import dev.cachegen.annotations.WriteBehind;
import dev.cachegen.annotations.WriteThrough;
import java.util.List;
import java.util.concurrent.CompletableFuture;

public interface WriteBehindMaxAttempts {
  record Item(long id, String name, long ownerId) {}

  @Cached(name = "items")
  Item find(long id);

  @WriteBehind(
      name = "items",
      key = "{item.id}",
      value = "item",
      maxAttempts = 0) // ERROR
  void save(Item item);
}
