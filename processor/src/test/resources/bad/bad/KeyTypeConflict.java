package bad;

import dev.cachegen.annotations.CacheKey;
import dev.cachegen.annotations.Cached;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

public interface KeyTypeConflict {
  @Cached(name = "items")
  String find(long id);

  @Cached(
      name = "items") // ERROR
  String byName(String name);
}
