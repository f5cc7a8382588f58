package bad;

import dev.cachegen.annotations.Cached;
import dev.cachegen.annotations.Invalidate;

public interface InvalidateKeyShapeMismatch {
  record Item(long id, String name, long ownerId) {}

  @Cached(name = "items")
  Item find(long id);

  // javac keeps no source position for annotations it gathered into a container, so an error on
  // a repeated @Invalidate lands on the method.
  @Invalidate(name = "items")
  @Invalidate(name = "items", key = "id:{id}")
  void delete(long id); // ERROR
}
