package bad;

import dev.cachegen.annotations.CacheControl;

@CacheControl(maxAge = "1m")
public interface CacheControlTypeVariable<T> {
  T find(long id); // ERROR
}
