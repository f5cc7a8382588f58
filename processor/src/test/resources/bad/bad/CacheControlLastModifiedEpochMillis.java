package bad;

import dev.cachegen.annotations.CacheControl;

public interface CacheControlLastModifiedEpochMillis {
  record Item(long id, long updatedAtMillis) {}

  @CacheControl(
      maxAge = "1m",
      lastModified = "updatedAtMillis") // ERROR
  Item find(long id);
}
