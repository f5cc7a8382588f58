package bad;

import dev.cachegen.annotations.CacheControl;
import java.time.Instant;

@CacheControl(
    maxAge = "1m",
    lastModified = "updatedAt") // ERROR
public interface CacheControlInterfaceLastModified {
  record Item(long id, Instant updatedAt) {}

  record Summary(long count, Instant updated) {}

  Item find(long id);

  Summary summary();

  /** Its own annotation replaces the interface's, lastModified included. */
  @CacheControl(maxAge = "1m")
  Summary cheapSummary();
}
