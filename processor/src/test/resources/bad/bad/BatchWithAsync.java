package bad;

import dev.cachegen.annotations.Cached;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

public interface BatchWithAsync {
  record Owner(long id, String email) {}

  @Cached(batchWith = "owners") // ERROR
  CompletableFuture<Owner> find(long id);

  Map<Long, Owner> owners(Collection<Long> ids);
}
