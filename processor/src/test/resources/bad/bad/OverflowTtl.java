package bad;

import dev.cachegen.annotations.CacheKey;
import dev.cachegen.annotations.Cached;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

public interface OverflowTtl {
  @Cached(
      ttl = "999999999d") // ERROR
  String find(long id);
}
