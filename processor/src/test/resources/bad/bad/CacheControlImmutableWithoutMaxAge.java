package bad;

import dev.cachegen.annotations.CacheControl;
import dev.cachegen.annotations.Cached;
import dev.cachegen.annotations.ETag;
import dev.cachegen.annotations.Visibility;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.concurrent.CompletableFuture;

public interface CacheControlImmutableWithoutMaxAge {
  record Item(long id, String name, Instant updatedAt) {}

  @CacheControl(
      visibility = Visibility.PUBLIC,
      sMaxAge = "1d",
      immutable = true) // ERROR
  Item find(long id);
}
