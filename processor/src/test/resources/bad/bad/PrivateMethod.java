package bad;

import dev.cachegen.annotations.CacheKey;
import dev.cachegen.annotations.Cached;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

public interface PrivateMethod {
  @Cached // ERROR
  private String find(long id) {
    return "";
  }

  default String use() {
    return find(1);
  }
}
