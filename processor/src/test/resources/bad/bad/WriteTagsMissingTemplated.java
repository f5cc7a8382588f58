package bad;

import dev.cachegen.annotations.Cached;
import dev.cachegen.annotations.WriteThrough;
import java.util.List;

public interface WriteTagsMissingTemplated {
  record Item(long id, String name, long ownerId) {}

  @Cached(name = "byOwner", key = "{ownerId}", tags = {"items", "owner:{ownerId}"})
  List<Item> byOwner(long ownerId);

  @WriteThrough(name = "byOwner", key = "{ownerId}", value = "items") // ERROR
  void replace(long ownerId, List<Item> items);
}
