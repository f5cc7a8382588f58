package dev.cachegen.spring.boot;

import dev.cachegen.runtime.CacheRuntime;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import org.springframework.boot.ssl.SslBundles;

/**
 * Builds the {@link CacheRuntime} from {@code spring.data.redis.*} and {@code cachegen.*}. Every
 * setting goes through the runtime's builder, which checks it; a rejected value fails the start
 * with a message that names the property, its value and the builder's reason.
 */
final class RuntimeFactory {
  private final CacheRuntime.Builder builder = CacheRuntime.builder();

  private RuntimeFactory() {}

  /** A builder configured from the properties, to which customizers may still add. */
  static CacheRuntime.Builder builder(
      CachegenProperties cachegen, RedisConnectionProperties redis, SslBundles sslBundles) {
    RuntimeFactory factory = new RuntimeFactory();
    String bundle = redis.getSsl().getBundle();
    if (bundle != null) {
      // As in Boot, naming a bundle turns TLS on; its trust and key material reach the runtime.
      redis.getSsl().setEnabled(true);
      if (sslBundles == null) {
        throw invalid(
            "spring.data.redis.ssl.bundle", bundle, "there are no SSL bundles in this context");
      }
      SSLContext context;
      try {
        context = sslBundles.getBundle(bundle).createSslContext();
      } catch (RuntimeException e) {
        throw invalid(
            "spring.data.redis.ssl.bundle",
            bundle,
            e.getMessage() + "; define it under spring.ssl.bundle.pem." + bundle + " or .jks");
      }
      factory.builder.redisSsl(context);
    }
    if (redis.isConfigured()) {
      factory.redis(redis);
    }
    factory.cachegen(cachegen);
    return factory.builder;
  }

  /** Where Redis is, for the startup log line, with the password masked. */
  static String describe(RedisConnectionProperties redis) {
    if (!redis.isConfigured()) {
      return "in-memory (no spring.data.redis.* property set)";
    }
    if (!redis.getCluster().getNodes().isEmpty()) {
      return "Redis Cluster " + redis.getCluster().getNodes();
    }
    if (!redis.getSentinel().getNodes().isEmpty()) {
      return "Redis Sentinel " + redis.getSentinel().getMaster() + redis.getSentinel().getNodes();
    }
    return redis.getUrl() != null
        ? redis.getUrl().replaceAll("(//[^/@]*:)[^/@]*@", "$1***@")
        : "redis " + host(redis) + ":" + port(redis) + "/" + redis.getDatabase();
  }

  private void redis(RedisConnectionProperties redis) {
    if (redis.getSentinel().getUsername() != null || redis.getSentinel().getPassword() != null) {
      throw invalid(
          "spring.data.redis.sentinel.password",
          "***",
          "sentinels that require their own credentials are not supported; the master's"
              + " spring.data.redis.username and spring.data.redis.password are used");
    }
    boolean ssl = Boolean.TRUE.equals(redis.getSsl().getEnabled());
    String scheme = ssl ? "rediss://" : "redis://";
    String credentials = credentials(redis);
    List<String> cluster = redis.getCluster().getNodes();
    List<String> sentinels = redis.getSentinel().getNodes();
    if (!cluster.isEmpty()) {
      String[] uris = nodes(scheme, credentials, cluster, "");
      set("spring.data.redis.cluster.nodes", cluster, v -> builder.redisCluster(uris));
    } else if (!sentinels.isEmpty()) {
      String[] uris = nodes(scheme, credentials, sentinels, "/" + redis.getDatabase());
      set(
          "spring.data.redis.sentinel.master",
          redis.getSentinel().getMaster(),
          v -> builder.redisSentinel(v == null ? "" : v, uris));
    } else if (redis.getUrl() != null) {
      set("spring.data.redis.url", redis.getUrl(), builder::redis);
    } else {
      String uri =
          scheme + credentials + host(redis) + ":" + port(redis) + "/" + redis.getDatabase();
      set("spring.data.redis.host", uri.replace(credentials, ""), v -> builder.redis(uri));
    }
    // The runtime has one timeout for connect, read and pool wait.
    Duration timeout = redis.getTimeout() != null ? redis.getTimeout() : redis.getConnectTimeout();
    String timeoutProperty =
        redis.getTimeout() != null
            ? "spring.data.redis.timeout"
            : "spring.data.redis.connect-timeout";
    if (timeout != null) {
      set(timeoutProperty, timeout, builder::redisTimeout);
    }
  }

  private void cachegen(CachegenProperties p) {
    if (p.getKeyPrefix() != null) {
      set("cachegen.key-prefix", p.getKeyPrefix(), builder::keyPrefix);
    }
    if (p.getLocalMaximumSize() != null) {
      set("cachegen.local-maximum-size", p.getLocalMaximumSize(), builder::localMaximumSize);
    }
    if (p.getRecordStats() != null) {
      set("cachegen.record-stats", p.getRecordStats(), builder::recordStats);
    }
    if (p.getExpiryResolution() != null) {
      set("cachegen.expiry-resolution", p.getExpiryResolution(), builder::expiryResolution);
    }
    if (p.getRedisPoolSize() != null) {
      set("cachegen.redis-pool-size", p.getRedisPoolSize(), builder::redisPoolSize);
    }
    if (p.getLoadTimeout() != null) {
      set("cachegen.load-timeout", p.getLoadTimeout(), builder::loadTimeout);
    }
    if (p.getCoherence() != null) {
      set("cachegen.coherence", p.getCoherence(), builder::coherence);
    }
    if (p.getValueFormat() != null) {
      set("cachegen.value-format", p.getValueFormat(), builder::valueFormat);
    }
    if (p.getCompression() != null) {
      long threshold = p.getCompressionThreshold().toBytes();
      set(
          "cachegen.compression",
          p.getCompression() + " from " + p.getCompressionThreshold(),
          v ->
              builder.compression(
                  p.getCompression(), (int) Math.min(Integer.MAX_VALUE, threshold)));
    }
    CachegenProperties.CircuitBreaker breaker = p.getCircuitBreaker();
    if (breaker.getFailures() != null || breaker.getOpenFor() != null) {
      int failures = breaker.getFailures() != null ? breaker.getFailures() : 3;
      Duration openFor =
          breaker.getOpenFor() != null ? breaker.getOpenFor() : Duration.ofSeconds(1);
      String property =
          breaker.getFailures() != null
              ? "cachegen.circuit-breaker.failures"
              : "cachegen.circuit-breaker.open-for";
      set(property, failures + "/" + openFor, v -> builder.circuitBreaker(failures, openFor));
    }
    CachegenProperties.Stampede stampede = p.getStampede();
    if (stampede.getLease() != null) {
      set("cachegen.stampede.lease", stampede.getLease(), builder::stampedeLease);
    }
    if (stampede.getWait() != null) {
      set("cachegen.stampede.wait", stampede.getWait(), builder::stampedeWait);
    }
    if (stampede.getTimeoutPolicy() != null) {
      set(
          "cachegen.stampede.timeout-policy",
          stampede.getTimeoutPolicy(),
          builder::stampedeTimeoutPolicy);
    }
    CachegenProperties.WriteBehind writeBehind = p.getWriteBehind();
    if (writeBehind.getCapacity() != null) {
      set(
          "cachegen.write-behind.capacity",
          writeBehind.getCapacity(),
          builder::writeBehindCapacity);
    }
    if (writeBehind.getDrainTimeout() != null) {
      set(
          "cachegen.write-behind.drain-timeout",
          writeBehind.getDrainTimeout(),
          builder::writeBehindDrainTimeout);
    }
    if (writeBehind.getClaimAfter() != null) {
      set(
          "cachegen.write-behind.claim-after",
          writeBehind.getClaimAfter(),
          builder::writeBehindClaimAfter);
    }
  }

  private static <T> void set(String property, T value, Consumer<T> setter) {
    try {
      setter.accept(value);
    } catch (IllegalArgumentException | IllegalStateException | NullPointerException e) {
      throw invalid(property, value, e.getMessage());
    }
  }

  private static IllegalStateException invalid(String property, Object value, String reason) {
    return new IllegalStateException(
        "Invalid cachegen configuration: " + property + "=" + value + " was rejected: " + reason);
  }

  private static String[] nodes(
      String scheme, String credentials, List<String> nodes, String database) {
    return nodes.stream()
        .map(String::trim)
        .map(node -> scheme + credentials + node + database)
        .toArray(String[]::new);
  }

  private static String credentials(RedisConnectionProperties redis) {
    if (redis.getPassword() == null) {
      return redis.getUsername() == null ? "" : encode(redis.getUsername()) + "@";
    }
    String user = redis.getUsername() == null ? "" : encode(redis.getUsername());
    return user + ":" + encode(redis.getPassword()) + "@";
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String host(RedisConnectionProperties redis) {
    return redis.getHost() != null ? redis.getHost() : "localhost";
  }

  private static int port(RedisConnectionProperties redis) {
    return redis.getPort() != null ? redis.getPort() : 6379;
  }
}
