package dev.cachegen.runtime.redis;

import dev.cachegen.runtime.redis.RedisSharedTier.RedisSettings;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.RedisSentinelClient;
import redis.clients.jedis.SslOptions;
import redis.clients.jedis.UnifiedJedis;

/**
 * Builds the pooled Jedis clients of a {@link RedisSharedTier}: standalone ({@link RedisClient}), a
 * cluster ({@link RedisClusterClient}) or through Sentinel ({@link RedisSentinelClient}), with the
 * runtime's timeouts on connect, read and pool wait, and the endpoint's credentials and TLS.
 */
final class RedisClients {
  /** A client and what it talks to. */
  record Connection(UnifiedJedis client, boolean cluster, String description) {}

  private RedisClients() {}

  /** A standalone server. */
  static Connection standalone(RedisEndpoint endpoint, RedisSettings settings) {
    RedisClient client =
        RedisClient.builder()
            .hostAndPort(endpoint.host, endpoint.port)
            .clientConfig(clientConfig(endpoint, settings, true))
            .poolConfig(poolConfig(settings))
            .build();
    return new Connection(client, false, endpoint.toString());
  }

  /** A Redis Cluster reached through any of {@code seeds}; credentials come from the first. */
  static Connection cluster(List<RedisEndpoint> seeds, RedisSettings settings) {
    Set<HostAndPort> nodes = new LinkedHashSet<>();
    for (RedisEndpoint seed : seeds) {
      nodes.add(new HostAndPort(seed.host, seed.port));
    }
    RedisClusterClient client =
        RedisClusterClient.builder()
            .nodes(nodes)
            .clientConfig(clientConfig(seeds.get(0), settings, false))
            .poolConfig(poolConfig(settings))
            .maxAttempts(2)
            .maxTotalRetriesDuration(settings.timeout.multipliedBy(4))
            .build();
    return new Connection(client, true, "cluster" + nodes);
  }

  /**
   * A master found through Redis Sentinel: {@code masterName} as the sentinels monitor it, reached
   * through any of {@code sentinels}. The master's credentials and database come from the first
   * sentinel URI; the sentinels themselves are asked without credentials.
   */
  static Connection sentinel(
      String masterName, List<RedisEndpoint> sentinels, RedisSettings settings) {
    Set<HostAndPort> nodes = new LinkedHashSet<>();
    for (RedisEndpoint sentinel : sentinels) {
      nodes.add(new HostAndPort(sentinel.host, sentinel.port));
    }
    int timeoutMillis = (int) settings.timeout.toMillis();
    RedisSentinelClient client =
        RedisSentinelClient.builder()
            .masterName(masterName)
            .sentinels(nodes)
            .clientConfig(clientConfig(sentinels.get(0), settings, true))
            .sentinelClientConfig(
                DefaultJedisClientConfig.builder()
                    .connectionTimeoutMillis(timeoutMillis)
                    .socketTimeoutMillis(timeoutMillis)
                    .clientName("cachegen-sentinel")
                    .build())
            .poolConfig(poolConfig(settings))
            .build();
    return new Connection(client, false, "sentinel " + masterName + nodes);
  }

  private static JedisClientConfig clientConfig(
      RedisEndpoint endpoint, RedisSettings settings, boolean withDatabase) {
    int timeoutMillis = (int) settings.timeout.toMillis();
    DefaultJedisClientConfig.Builder client =
        DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis(timeoutMillis)
            .socketTimeoutMillis(timeoutMillis)
            // Blocking commands (SUBSCRIBE, XREADGROUP BLOCK) keep Jedis's infinite read timeout:
            // a bound here would also end an idle subscription.
            .clientName("cachegen");
    if (withDatabase) {
      client.database(endpoint.database);
    }
    if (endpoint.ssl) {
      client.sslOptions(SslOptions.defaults());
    }
    if (endpoint.user != null) {
      client.user(endpoint.user);
    }
    if (endpoint.password != null) {
      client.password(endpoint.password);
    }
    return client.build();
  }

  private static ConnectionPoolConfig poolConfig(RedisSettings settings) {
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    // One more than asked for: the subscription of the invalidation bus holds one for good.
    pool.setMaxTotal(settings.poolSize + 1);
    pool.setMaxIdle(settings.poolSize + 1);
    pool.setMinIdle(0);
    pool.setMaxWait(settings.timeout);
    pool.setJmxEnabled(false);
    return pool;
  }
}
