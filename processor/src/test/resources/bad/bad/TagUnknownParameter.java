package bad;

import dev.cachegen.annotations.Cached;
import dev.cachegen.annotations.Invalidate;
import dev.cachegen.annotations.InvalidateTags;
import dev.cachegen.annotations.WriteBehind;
import dev.cachegen.annotations.WriteThrough;
import java.util.List;
import java.util.concurrent.CompletableFuture;

public interface TagUnknownParameter {
  record Item(long id, String name, long ownerId) {}

  @Cached(name = "items")
  Item find(long id);

  @Cached(
      name = "byOwner",
      tags = "owner:{owner}") // ERROR
  List<Item> byOwner(long ownerId);
}
