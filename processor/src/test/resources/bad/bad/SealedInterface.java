package bad;

import dev.cachegen.annotations.CacheKey;
import dev.cachegen.annotations.Cached;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

public sealed interface SealedInterface permits SealedImpl { // ERROR
  @Cached
  String find(long id);
}

final class SealedImpl implements SealedInterface {
  @Override
  public String find(long id) {
    return "";
  }
}
