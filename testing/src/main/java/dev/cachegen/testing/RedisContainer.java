package dev.cachegen.testing;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Redis in a Docker container started with Testcontainers: the fallback for machines with Docker
 * and no {@code redis-server}. Killing and pausing act on the container; a restart would give it a
 * new port, so it is refused.
 *
 * <p>Testcontainers may be left off the class path (the benchmark jar does): nothing here touches
 * its classes before {@link #dockerAvailable()} has found them.
 */
final class RedisContainer implements RedisBackend {
  /** Pinned, like the Debian package the rest of the tests run against (7.0). */
  static final String IMAGE = "redis:7.0-alpine";

  private static final int REDIS_PORT = 6379;

  private final GenericContainer<?> container;

  private RedisContainer(GenericContainer<?> container) {
    this.container = container;
  }

  /**
   * Whether Testcontainers is on the class path and finds a Docker engine; the first call takes up
   * to a second.
   */
  static boolean dockerAvailable() {
    try {
      Class.forName(
          "org.testcontainers.DockerClientFactory", false, RedisContainer.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      return false;
    }
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Starts {@link #IMAGE} without persistence and returns once it accepts connections. */
  @SuppressWarnings("resource") // closed by close()
  static RedisContainer start() {
    GenericContainer<?> container =
        new GenericContainer<>(DockerImageName.parse(IMAGE))
            .withExposedPorts(REDIS_PORT)
            .withCommand("redis-server", "--save", "", "--appendonly", "no");
    container.start();
    return new RedisContainer(container);
  }

  @Override
  public String host() {
    return container.getHost();
  }

  @Override
  public int port() {
    return container.getMappedPort(REDIS_PORT);
  }

  @Override
  public void kill() {
    container.getDockerClient().killContainerCmd(container.getContainerId()).exec();
  }

  @Override
  public void pause() {
    container.getDockerClient().pauseContainerCmd(container.getContainerId()).exec();
  }

  @Override
  public void resume() {
    container.getDockerClient().unpauseContainerCmd(container.getContainerId()).exec();
  }

  @Override
  public void restart() {
    throw new UnsupportedOperationException(
        "a Redis container comes back on another port, so it cannot be restarted in place;"
            + " install redis-server for restart tests ("
            + RedisProcess.INSTALL
            + ")");
  }

  @Override
  public void close() {
    container.stop();
  }

  @Override
  public String toString() {
    return "Redis container " + IMAGE + " on " + host() + ":" + port();
  }
}
