package bad;

import dev.cachegen.annotations.CacheKey;
import dev.cachegen.annotations.Cached;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

public record NotInterfaceRecord(long id) {
  @Cached // ERROR
  public String find() {
    return "";
  }
}
