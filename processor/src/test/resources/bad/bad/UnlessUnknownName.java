package bad;

import dev.cachegen.annotations.Cached;
import java.util.List;

public interface UnlessUnknownName {
  @Cached(unless = "{reslt.empty}") // ERROR
  List<String> byOwner(String owner);
}
