package dev.cachegen.runtime.http.testing;

import java.net.URI;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.Testcontainers;
import org.testcontainers.containers.GenericContainer;

/**
 * What the Testcontainers fallbacks of the HTTP helpers share: whether Docker is there, and how a
 * container reaches a server that the test runs on this machine's loopback.
 */
final class Containers {
  private Containers() {}

  /** Whether Testcontainers finds a Docker engine; the first call takes up to a second. */
  static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * {@code onHost}, a URI on this machine's loopback, as a container sees it: its port is forwarded
   * into Docker and its host is Testcontainers' name for this machine. Containers that use it must
   * be started with {@code withAccessToHost(true)}.
   */
  static URI fromContainers(URI onHost) {
    Testcontainers.exposeHostPorts(onHost.getPort());
    String query = onHost.getRawQuery() == null ? "" : "?" + onHost.getRawQuery();
    return URI.create(
        onHost.getScheme()
            + "://"
            + GenericContainer.INTERNAL_HOST_HOSTNAME
            + ":"
            + onHost.getPort()
            + onHost.getRawPath()
            + query);
  }
}
