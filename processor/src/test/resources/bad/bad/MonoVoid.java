package bad;

import dev.cachegen.annotations.Cached;
import reactor.core.publisher.Mono;

public interface MonoVoid {
  @Cached // ERROR
  Mono<Void> refresh(String id);
}
