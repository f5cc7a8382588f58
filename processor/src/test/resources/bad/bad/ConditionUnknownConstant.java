package bad;

import dev.cachegen.annotations.Cached;
import java.util.List;

public interface ConditionUnknownConstant {
  enum Status {
    ACTIVE,
    ARCHIVED
  }

  @Cached(condition = "{status} == ACTIV") // ERROR
  List<String> byStatus(Status status);
}
