package bad;

import dev.cachegen.annotations.Cached;
import dev.cachegen.annotations.Invalidate;
import dev.cachegen.annotations.InvalidateTags;
import dev.cachegen.annotations.WriteBehind;
import dev.cachegen.annotations.WriteThrough;
import java.util.List;
import java.util.concurrent.CompletableFuture;

public interface WriteTagShapeMismatch {
  record Item(long id, String name, long ownerId) {}

  @Cached(name = "byOwner", key = "{ownerId}", tags = "owner:{ownerId}")
  List<Item> byOwner(long ownerId);

  @WriteThrough(
      name = "byOwner",
      key = "{ownerId}",
      value = "items",
      tags = "owner:{name}") // ERROR
  void replace(long ownerId, String name, List<Item> items);
}
