package bad;

import dev.cachegen.annotations.CacheControl;

@CacheControl(maxAge = "1m") // ERROR
public class CacheControlOnClass {
  public String find(long id) {
    return "";
  }
}
