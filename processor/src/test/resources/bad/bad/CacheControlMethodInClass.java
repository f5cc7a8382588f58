package bad;

import dev.cachegen.annotations.CacheControl;

public abstract class CacheControlMethodInClass {
  @CacheControl(maxAge = "1m") // ERROR
  public abstract String find(long id);
}
