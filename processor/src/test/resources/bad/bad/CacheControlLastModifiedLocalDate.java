package bad;

import dev.cachegen.annotations.CacheControl;
import java.time.LocalDate;

public interface CacheControlLastModifiedLocalDate {
  record Item(long id, LocalDate updatedOn) {}

  @CacheControl(
      maxAge = "1m",
      lastModified = "updatedOn") // ERROR
  Item find(long id);
}
