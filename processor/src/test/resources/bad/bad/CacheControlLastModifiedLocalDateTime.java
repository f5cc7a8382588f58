package bad;

import dev.cachegen.annotations.CacheControl;
import java.time.LocalDateTime;

public interface CacheControlLastModifiedLocalDateTime {
  record Item(long id, LocalDateTime updatedAt) {}

  @CacheControl(
      maxAge = "1m",
      lastModified = "updatedAt") // ERROR
  Item find(long id);
}
