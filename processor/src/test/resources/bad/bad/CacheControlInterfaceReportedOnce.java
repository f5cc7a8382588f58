package bad;

import dev.cachegen.annotations.CacheControl;

@CacheControl(
    noStore = true,
    maxAge = "1m") // ERROR
public interface CacheControlInterfaceReportedOnce {
  String a(long id);

  String b(long id);

  void c(long id);
}
