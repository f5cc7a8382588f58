package bad;

import dev.cachegen.annotations.CacheKey;
import dev.cachegen.annotations.Cached;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

public interface UnknownAccessor {
  record Owner(long id, String email) {}

  @Cached(
      key = "{owner.idd}") // ERROR
  String find(Owner owner);
}
