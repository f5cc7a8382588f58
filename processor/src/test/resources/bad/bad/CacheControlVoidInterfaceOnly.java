package bad;

import dev.cachegen.annotations.CacheControl;

/** The interface's annotation is checked even though no method is covered by it. */
@CacheControl(
    maxAge = "soon") // ERROR
public interface CacheControlVoidInterfaceOnly {
  void ping();
}
