package dev.cachegen.testing;

/**
 * How a {@link RedisServer} runs: as a {@link RedisProcess} on this machine, or as a {@link
 * RedisContainer} under Docker. Each turns the same faults into what its platform offers.
 */
interface RedisBackend extends AutoCloseable {
  /** The host clients connect to. */
  String host();

  /** The port clients connect to. */
  int port();

  /** Ends the server at once: connections drop, nothing is saved. */
  void kill();

  /** Freezes the server: connections stay open, nothing answers. */
  void pause();

  /** Undoes {@link #pause()}. */
  void resume();

  /** Starts the server again, empty, where clients found it before. */
  void restart();

  /** Stops the server and frees what it used; safe to call twice. */
  @Override
  void close();
}
