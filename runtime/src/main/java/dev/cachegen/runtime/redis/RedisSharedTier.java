package dev.cachegen.runtime.redis;

import dev.cachegen.runtime.shared.CircuitBreaker;
import dev.cachegen.runtime.shared.KeySpace;
import dev.cachegen.runtime.shared.SharedTier;
import dev.cachegen.runtime.shared.SharedTierException;
import dev.cachegen.runtime.writebehind.WriteBehindStore;
import dev.cachegen.runtime.writebehind.WriteBehindStores;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.RedisSentinelClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.SslOptions;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.GetExParams;
import redis.clients.jedis.params.SetParams;

/**
 * The shared tier over Redis, standalone ({@link RedisClient}) or a cluster ({@link
 * RedisClusterClient}), both pooled. Every call is bounded by the connect and read timeouts and by
 * the pool's wait; failures open a {@link CircuitBreaker} so that an outage costs a refused call,
 * not a timeout, until a probe succeeds.
 *
 * <p>It also keeps durable write-behind queues ({@link RedisWriteBehindStore}), whose commands go
 * through the same guard.
 */
public final class RedisSharedTier implements SharedTier, WriteBehindStores {
  private static final Logger log = LoggerFactory.getLogger(RedisSharedTier.class);

  /** Deletes the lock only while it still holds the caller's token. */
  private static final String UNLOCK =
      "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0"
          + " end";

  private final UnifiedJedis redis;
  private final boolean cluster;
  private final CircuitBreaker breaker;
  private final String description;

  private RedisSharedTier(
      UnifiedJedis redis, boolean cluster, String description, RedisSettings settings) {
    this.redis = redis;
    this.cluster = cluster;
    this.description = description;
    this.breaker =
        new CircuitBreaker(
            settings.failureThreshold,
            settings.openFor.toNanos(),
            System::nanoTime,
            new CircuitBreaker.Listener() {
              @Override
              public void opened(Throwable cause) {
                log.warn(
                    "Redis at {} is failing ({}); serving from the local tier and the delegate,"
                        + " probing again every {} ms",
                    description,
                    cause.toString(),
                    settings.openFor.toMillis());
              }

              @Override
              public void closed() {
                log.info("Redis at {} answers again; the shared tier is back in use", description);
              }
            });
  }

  /** A standalone server. */
  public static RedisSharedTier standalone(RedisEndpoint endpoint, RedisSettings settings) {
    RedisClient client =
        RedisClient.builder()
            .hostAndPort(endpoint.host, endpoint.port)
            .clientConfig(clientConfig(endpoint, settings, true))
            .poolConfig(poolConfig(settings))
            .build();
    return new RedisSharedTier(client, false, endpoint.toString(), settings);
  }

  /** A Redis Cluster reached through any of {@code seeds}; credentials come from the first. */
  public static RedisSharedTier cluster(List<RedisEndpoint> seeds, RedisSettings settings) {
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
    return new RedisSharedTier(client, true, "cluster" + nodes, settings);
  }

  /**
   * A master found through Redis Sentinel: {@code masterName} as the sentinels monitor it, reached
   * through any of {@code sentinels}. The master's credentials and database come from the first
   * sentinel URI; the sentinels themselves are asked without credentials.
   */
  public static RedisSharedTier sentinel(
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
    return new RedisSharedTier(client, false, "sentinel " + masterName + nodes, settings);
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

  @Override
  public boolean isPresent() {
    return true;
  }

  @Override
  public boolean isAvailable() {
    return breaker.state() != CircuitBreaker.State.OPEN;
  }

  @Override
  public byte[] get(String key) {
    return call(() -> redis.get(bytes(key)));
  }

  @Override
  public List<byte[]> getAll(List<String> keys) {
    if (keys.isEmpty()) {
      return new ArrayList<>();
    }
    if (!cluster) {
      byte[][] raw = new byte[keys.size()][];
      for (int i = 0; i < raw.length; i++) {
        raw[i] = bytes(keys.get(i));
      }
      return call(() -> redis.mget(raw));
    }
    // On a cluster the keys live in many slots: one pipelined GET each, grouped by node.
    return call(
        () -> {
          try (AbstractPipeline pipeline = redis.pipelined()) {
            List<Response<byte[]>> responses = new ArrayList<>(keys.size());
            for (String key : keys) {
              responses.add(pipeline.get(bytes(key)));
            }
            pipeline.sync();
            List<byte[]> values = new ArrayList<>(keys.size());
            for (Response<byte[]> response : responses) {
              values.add(response.get());
            }
            return values;
          }
        });
  }

  @Override
  public byte[] getAndExpire(String key, long ttlMillis) {
    return call(() -> redis.getEx(bytes(key), GetExParams.getExParams().px(ttlMillis)));
  }

  @Override
  public void set(String key, byte[] value, long ttlMillis) {
    call(() -> redis.set(bytes(key), value, SetParams.setParams().px(ttlMillis)));
  }

  @Override
  public void setIfAbsent(String key, byte[] value, long ttlMillis) {
    call(() -> redis.set(bytes(key), value, SetParams.setParams().px(ttlMillis).nx()));
  }

  @Override
  public void setAll(List<String> keys, List<byte[]> values, long[] ttlMillis, boolean[] ifAbsent) {
    if (keys.isEmpty()) {
      return;
    }
    call(
        () -> {
          try (AbstractPipeline pipeline = redis.pipelined()) {
            for (int i = 0; i < keys.size(); i++) {
              SetParams params = SetParams.setParams().px(ttlMillis[i]);
              pipeline.set(bytes(keys.get(i)), values.get(i), ifAbsent[i] ? params.nx() : params);
            }
            pipeline.sync();
          }
          return null;
        });
  }

  @Override
  public void delete(String key) {
    call(() -> redis.del(bytes(key)));
  }

  @Override
  public boolean tryLock(String key, String token, long leaseMillis) {
    return "OK"
        .equals(call(() -> redis.set(key, token, SetParams.setParams().nx().px(leaseMillis))));
  }

  @Override
  public boolean unlock(String key, String token) {
    Object deleted = call(() -> redis.eval(UNLOCK, List.of(key), List.of(token)));
    return deleted instanceof Long && (Long) deleted == 1L;
  }

  @Override
  public long increment(String key) {
    return call(() -> redis.incr(bytes(key)));
  }

  @Override
  public void publish(String channel, String message) {
    call(() -> redis.publish(channel, message));
  }

  @Override
  public AutoCloseable subscribe(String channel, Subscriber subscriber) {
    Subscription subscription = new Subscription(channel, subscriber);
    Thread thread = new Thread(subscription, "cachegen-events-" + channel);
    thread.setDaemon(true);
    subscription.thread = thread;
    thread.start();
    return subscription;
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public void close() {
    redis.close();
  }

  @Override
  public Optional<WriteBehindStore> writeBehindStore(KeySpace keys, String queue) {
    return Optional.of(new RedisWriteBehindStore(this, keys, queue));
  }

  /**
   * Runs {@code command} on the client behind the circuit breaker, like every cache command: for
   * code in this package that needs commands the {@link SharedTier} interface does not offer.
   */
  <T> T guarded(Function<UnifiedJedis, T> command) {
    return call(() -> command.apply(redis));
  }

  private <T> T call(Supplier<T> command) {
    if (!breaker.tryAcquire()) {
      throw SharedTierException.CIRCUIT_OPEN;
    }
    T result;
    try {
      result = command.get();
    } catch (RuntimeException e) {
      // JedisException for network and server errors; anything else means the bytes on the wire
      // were not Redis, which is a failure of the tier all the same.
      breaker.onFailure(e);
      throw new SharedTierException("Redis at " + description + " failed: " + e, e);
    }
    breaker.onSuccess();
    return result;
  }

  private static byte[] bytes(String key) {
    return key.getBytes(StandardCharsets.UTF_8);
  }

  /** One channel's subscription: subscribes, and subscribes again after every failure. */
  private final class Subscription implements Runnable, AutoCloseable {
    private final String channel;
    private final Subscriber subscriber;
    private volatile boolean closed;
    private volatile JedisPubSub current;
    private Thread thread;

    Subscription(String channel, Subscriber subscriber) {
      this.channel = channel;
      this.subscriber = subscriber;
    }

    @Override
    public void run() {
      long backoffMillis = 50;
      while (!closed) {
        JedisPubSub pubSub =
            new JedisPubSub() {
              @Override
              public void onSubscribe(String channel, int subscribedChannels) {
                subscriber.subscribed();
              }

              @Override
              public void onMessage(String channel, String message) {
                try {
                  subscriber.message(message);
                } catch (RuntimeException e) {
                  log.warn("cachegen: could not apply event {}", message, e);
                }
              }
            };
        current = pubSub;
        try {
          redis.subscribe(pubSub, channel);
          backoffMillis = 50; // returned normally: unsubscribed by close()
        } catch (RuntimeException e) {
          if (closed) {
            return;
          }
          subscriber.disconnected(e);
          log.debug(
              "cachegen: subscription to {} lost; retrying in {} ms", channel, backoffMillis, e);
          try {
            TimeUnit.MILLISECONDS.sleep(backoffMillis);
          } catch (InterruptedException interrupted) {
            return;
          }
          backoffMillis = Math.min(2_000, backoffMillis * 2);
        }
      }
    }

    @Override
    public void close() {
      closed = true;
      JedisPubSub pubSub = current;
      if (pubSub != null && pubSub.isSubscribed()) {
        try {
          pubSub.unsubscribe();
        } catch (RuntimeException e) {
          // the connection is already gone; the thread ends on its own
        }
      }
      thread.interrupt();
    }
  }

  /** Connection settings taken from {@link CacheRuntime.Builder}. */
  public static final class RedisSettings {
    final Duration timeout;
    final int poolSize;
    final int failureThreshold;
    final Duration openFor;

    public RedisSettings(Duration timeout, int poolSize, int failureThreshold, Duration openFor) {
      this.timeout = timeout;
      this.poolSize = poolSize;
      this.failureThreshold = failureThreshold;
      this.openFor = openFor;
    }
  }
}
