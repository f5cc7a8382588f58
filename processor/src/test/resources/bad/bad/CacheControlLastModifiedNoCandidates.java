package bad;

import dev.cachegen.annotations.CacheControl;

public interface CacheControlLastModifiedNoCandidates {
  record Item(long id, String name) {}

  @CacheControl(
      maxAge = "1m",
      lastModified = "updatedAt") // ERROR
  Item find(long id);
}
