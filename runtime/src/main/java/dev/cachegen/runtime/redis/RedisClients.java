package dev.cachegen.runtime.redis;

import dev.cachegen.runtime.redis.RedisSharedTier.RedisSettings;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import redis.clients.jedis.Connection;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.RedisSentinelClient;
import redis.clients.jedis.SslOptions;
import redis.clients.jedis.UnifiedJedis;

/**
 * Builds the pooled Jedis clients of a {@link RedisSharedTier}: standalone ({@link RedisClient}), a
 * cluster ({@link RedisClusterClient}) or through Sentinel ({@link RedisSentinelClient}), with the
 * runtime's timeouts on connect, read and pool wait, and the endpoint's credentials and TLS.
 */
final class RedisClients {
  /**
   * A client, what it talks to, where a subscription gets a connection of its own (one the
   * subscription can cut when its heartbeat stops answering), and whether such a connection is
   * misplaced: connected to a server that is no longer the one to listen to; {@code master} names
   * the server the pool talks to where that can change (Sentinel), else it is {@code null}.
   */
  record Client(
      UnifiedJedis client,
      boolean cluster,
      String description,
      Supplier<Connection> subscriptionConnection,
      Predicate<Connection> misplaced,
      Supplier<HostAndPort> master) {
    /** A client whose subscription stays where it connected. */
    Client(
        UnifiedJedis client,
        boolean cluster,
        String description,
        Supplier<Connection> subscriptionConnection) {
      this(client, cluster, description, subscriptionConnection, connection -> false, null);
    }
  }

  private RedisClients() {}

  /** A standalone server. */
  static Client standalone(RedisEndpoint endpoint, RedisSettings settings) {
    RedisClient client =
        RedisClient.builder()
            .hostAndPort(endpoint.host, endpoint.port)
            .clientConfig(clientConfig(endpoint, settings, true))
            .poolConfig(poolConfig(settings))
            .build();
    JedisClientConfig config = subscriptionConfig(endpoint, settings, true);
    HostAndPort address = new HostAndPort(endpoint.host, endpoint.port);
    return new Client(client, false, endpoint.toString(), () -> new Connection(address, config));
  }

  /** A Redis Cluster reached through any of {@code seeds}; credentials come from the first. */
  static Client cluster(List<RedisEndpoint> seeds, RedisSettings settings) {
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
    JedisClientConfig config = subscriptionConfig(seeds.get(0), settings, false);
    // PUBLISH reaches every node of a cluster, so any node serves the subscription.
    Supplier<Connection> anyNode =
        () -> {
          for (String node : client.getClusterNodes().keySet()) {
            return new Connection(HostAndPort.from(node), config);
          }
          return new Connection(nodes.iterator().next(), config);
        };
    return new Client(client, true, "cluster" + nodes, anyNode);
  }

  /**
   * A master found through Redis Sentinel: {@code masterName} as the sentinels monitor it, reached
   * through any of {@code sentinels}. The master's credentials and database come from the first
   * sentinel URI; the sentinels themselves are asked without credentials.
   */
  static Client sentinel(String masterName, List<RedisEndpoint> sentinels, RedisSettings settings) {
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
    JedisClientConfig config = subscriptionConfig(sentinels.get(0), settings, true);
    // After a failover the demoted master may keep the subscription for seconds (it answers the
    // heartbeat's PING) while events are published on the new one: follow the master instead.
    return new Client(
        client,
        false,
        "sentinel " + masterName + nodes,
        () -> new Connection(client.getCurrentMaster(), config),
        connection -> !connection.getHostAndPort().equals(client.getCurrentMaster()),
        client::getCurrentMaster);
  }

  /**
   * The subscription's connections speak RESP2: there, the reports of client tracking redirected to
   * a connection arrive as ordinary pub/sub messages on {@link Tracking#CHANNEL}; over RESP3 the
   * server would send them as push replies that a pub/sub reader does not know.
   */
  private static JedisClientConfig subscriptionConfig(
      RedisEndpoint endpoint, RedisSettings settings, boolean withDatabase) {
    return clientConfigBuilder(endpoint, settings, withDatabase)
        .protocol(RedisProtocol.RESP2)
        .build();
  }

  private static JedisClientConfig clientConfig(
      RedisEndpoint endpoint, RedisSettings settings, boolean withDatabase) {
    return clientConfigBuilder(endpoint, settings, withDatabase).build();
  }

  // ssl(true) and sslSocketFactory are deprecated in favour of SslOptions, which takes key and
  // trust
  // store files only; an application's SSLContext (a private CA, mutual TLS) needs the factory.
  @SuppressWarnings("deprecation")
  private static DefaultJedisClientConfig.Builder clientConfigBuilder(
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
      if (settings.sslContext != null) {
        // A private CA, client certificates (mutual TLS): the application's own material.
        client.ssl(true).sslSocketFactory(settings.sslContext.getSocketFactory());
      } else {
        client.sslOptions(SslOptions.defaults());
      }
    }
    if (endpoint.user != null) {
      client.user(endpoint.user);
    }
    if (endpoint.password != null) {
      client.password(endpoint.password);
    }
    return client;
  }

  private static ConnectionPoolConfig poolConfig(RedisSettings settings) {
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    // The event subscription has a connection of its own (RedisSubscription), outside the pool.
    pool.setMaxTotal(settings.poolSize);
    pool.setMaxIdle(settings.poolSize);
    pool.setMinIdle(0);
    pool.setMaxWait(settings.timeout);
    pool.setJmxEnabled(false);
    return pool;
  }
}
