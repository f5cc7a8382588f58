package bad;

import dev.cachegen.annotations.CacheControl;
import dev.cachegen.annotations.Cached;
import dev.cachegen.annotations.ETag;
import dev.cachegen.annotations.Visibility;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.concurrent.CompletableFuture;

public interface CacheControlNoStoreWithSMaxAge {
  record Item(long id, String name, Instant updatedAt) {}

  @CacheControl(
      noStore = true,
      sMaxAge = "1m") // ERROR
  Item find(long id);
}
