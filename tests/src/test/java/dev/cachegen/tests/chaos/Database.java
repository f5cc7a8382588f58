package dev.cachegen.tests.chaos;

import redis.clients.jedis.RedisClient;

/**
 * The chaos suite's "database": a {@code redis-server} of its own that no fault touches, reached
 * directly by every JVM. {@code INCR} gives each key's versions one total order that every JVM sees
 * at once, which is all the history checker needs from a store; the cache's Redis is another
 * server, behind the faults.
 */
final class Database implements VersionStore, AutoCloseable {
  /** The hash of applied write-behind calls: call id to the number of times it was applied. */
  static final String APPLIED = "applied";

  private final RedisClient client;

  Database(String uri) {
    this.client = RedisClient.create(uri);
  }

  @Override
  public Versioned read(String key) {
    String version = client.get("version:" + key);
    return new Versioned(key, version == null ? 0 : Long.parseLong(version));
  }

  @Override
  public Versioned write(String key) {
    return new Versioned(key, client.incr("version:" + key));
  }

  @Override
  public long bump(String key) {
    return client.incr("version:" + key);
  }

  @Override
  public void record(Call call) {
    client.hincrBy(APPLIED, call.id(), 1);
  }

  @Override
  public Call recorded(String id) {
    return client.hexists(APPLIED, id) ? new Call(id) : null;
  }

  @Override
  public void close() {
    client.close();
  }
}
