package bad;

import dev.cachegen.annotations.Cached;
import dev.cachegen.annotations.Invalidate;
import dev.cachegen.annotations.InvalidateTags;
import dev.cachegen.annotations.WriteBehind;
import dev.cachegen.annotations.WriteThrough;
import java.util.List;
import java.util.concurrent.CompletableFuture;

public interface WriteVoidFutureWithoutValue {
  record Item(long id, String name, long ownerId) {}

  @Cached(name = "items")
  Item find(long id);

  @WriteThrough(name = "items", key = "{item.id}") // ERROR
  CompletableFuture<Void> save(Item item);
}
