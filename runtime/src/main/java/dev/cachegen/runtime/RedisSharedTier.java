package dev.cachegen.runtime;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.SslOptions;
import redis.clients.jedis.params.GetExParams;
import redis.clients.jedis.params.SetParams;

/**
 * The shared tier over one Redis server, through a pooled Jedis {@link RedisClient}. Every call is
 * bounded by the connect and read timeouts and by the pool's wait; failures open a {@link
 * CircuitBreaker} so that an outage costs a refused call, not a timeout, until a probe succeeds.
 */
final class RedisSharedTier implements SharedTier {
  private static final Logger log = LoggerFactory.getLogger(RedisSharedTier.class);

  private final RedisClient redis;
  private final CircuitBreaker breaker;
  private final String description;

  RedisSharedTier(RedisEndpoint endpoint, RedisSettings settings) {
    this.description = endpoint.toString();
    int timeoutMillis = (int) settings.timeout.toMillis();
    DefaultJedisClientConfig.Builder client =
        DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis(timeoutMillis)
            .socketTimeoutMillis(timeoutMillis)
            .database(endpoint.database)
            .clientName("cachegen");
    if (endpoint.ssl) {
      client.sslOptions(SslOptions.defaults());
    }
    if (endpoint.user != null) {
      client.user(endpoint.user);
    }
    if (endpoint.password != null) {
      client.password(endpoint.password);
    }
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    pool.setMaxTotal(settings.poolSize);
    pool.setMaxIdle(settings.poolSize);
    pool.setMinIdle(0);
    pool.setMaxWait(settings.timeout);
    pool.setJmxEnabled(false);
    this.redis =
        RedisClient.builder()
            .hostAndPort(endpoint.host, endpoint.port)
            .clientConfig(client.build())
            .poolConfig(pool)
            .build();
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
  public byte[] getAndExpire(String key, long ttlMillis) {
    return call(() -> redis.getEx(bytes(key), GetExParams.getExParams().px(ttlMillis)));
  }

  @Override
  public void set(String key, byte[] value, long ttlMillis) {
    call(() -> redis.set(bytes(key), value, SetParams.setParams().px(ttlMillis)));
  }

  @Override
  public void delete(String key) {
    call(() -> redis.del(bytes(key)));
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public void close() {
    redis.close();
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

  /** Connection settings taken from {@link CacheRuntime.Builder}. */
  static final class RedisSettings {
    final Duration timeout;
    final int poolSize;
    final int failureThreshold;
    final Duration openFor;

    RedisSettings(Duration timeout, int poolSize, int failureThreshold, Duration openFor) {
      this.timeout = timeout;
      this.poolSize = poolSize;
      this.failureThreshold = failureThreshold;
      this.openFor = openFor;
    }
  }
}
