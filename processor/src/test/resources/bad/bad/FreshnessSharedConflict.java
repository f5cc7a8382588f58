package bad;

import dev.cachegen.annotations.Cached;
import java.util.Optional;

public interface FreshnessSharedConflict {
  @Cached(name = "prices", staleWhileRevalidate = "30s", staleIfError = "1h")
  Long price(String sku);

  @Cached(name = "prices") // ERROR
  Optional<Long> maybePrice(String sku);
}
