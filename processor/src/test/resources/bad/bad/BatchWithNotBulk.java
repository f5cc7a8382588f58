package bad;

import dev.cachegen.annotations.Cached;
import java.util.Collection;
import java.util.List;

public interface BatchWithNotBulk {
  record Owner(long id, String email) {}

  @Cached(batchWith = "owners") // ERROR
  Owner find(long id);

  List<Owner> owners(Collection<Long> ids);
}
