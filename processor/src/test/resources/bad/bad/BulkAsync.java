package bad;

import dev.cachegen.annotations.Cached;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

public interface BulkAsync {
  record Item(long id, String name) {}

  @Cached // ERROR
  CompletableFuture<Map<Long, Item>> findAll(Collection<Long> ids);
}
