package bad;

import dev.cachegen.annotations.Cached;
import java.util.List;

public interface UnlessSharedConflict {
  @Cached(name = "lists", unless = "{result.empty}")
  List<String> byOwner(String owner);

  @Cached(name = "lists") // ERROR
  List<String> byTeam(String team);
}
