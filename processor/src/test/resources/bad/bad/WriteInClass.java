package bad;

import dev.cachegen.annotations.Cached;
import dev.cachegen.annotations.Invalidate;
import dev.cachegen.annotations.InvalidateTags;
import dev.cachegen.annotations.WriteBehind;
import dev.cachegen.annotations.WriteThrough;
import java.util.List;
import java.util.concurrent.CompletableFuture;

public abstract class WriteInClass {
  @InvalidateTags("all") // ERROR
  abstract void delete(long id);
}
