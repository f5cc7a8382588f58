package dev.cachegen.spring.boot;

import dev.cachegen.runtime.CoherenceMode;
import dev.cachegen.runtime.Compression;
import dev.cachegen.runtime.StampedeTimeoutPolicy;
import dev.cachegen.runtime.ValueFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * cachegen's own settings, under {@code cachegen.*}; Redis itself is configured with Boot's {@code
 * spring.data.redis.*} properties ({@link RedisConnectionProperties}). Unset values keep the
 * runtime's defaults, which the {@code CacheRuntime.Builder} methods of the same names document.
 */
@ConfigurationProperties("cachegen")
public class CachegenProperties {
  /** Whether cachegen creates a runtime and decorates beans. */
  private boolean enabled = true;

  /** First part of every Redis key, so several applications can share one Redis. */
  private String keyPrefix;

  /** Most entries of each cache's in-process tier (Caffeine); 0 turns that tier off. */
  private Long localMaximumSize;

  /** Whether in-process hits are counted (a few nanoseconds per hit). */
  private Boolean recordStats;

  /**
   * Step of the in-process tier's expiry clock (default 10ms): entries may outlive their local ttl
   * by about that much; 0 reads the system clock on every hit and starts no ticker thread.
   */
  private Duration expiryResolution;

  /** Most Redis connections the runtime opens. */
  private Integer redisPoolSize;

  /** Longest a caller waits for a load another caller of the same key runs. */
  private Duration loadTimeout;

  /**
   * How the in-process tiers of several instances stay coherent: events (cachegen's own messages,
   * the default), tracking (Redis 6+ reports every change of a key of the prefix, writes by other
   * services and expiries included) or events-and-tracking.
   */
  private CoherenceMode coherence;

  /** Format of the values written to Redis: JSON (default), SMILE or CBOR. */
  private ValueFormat valueFormat;

  /**
   * Compression of the values written to Redis: NONE (default), LZ4 or ZSTD. The library
   * (at.yawk.lz4:lz4-java or com.github.luben:zstd-jni) must be on the class path.
   */
  private Compression compression;

  /** Smallest encoded value that is compressed, when compression is on. */
  private DataSize compressionThreshold = DataSize.ofKilobytes(1);

  /** Names of beans never decorated, in addition to beans annotated {@link NotDecorated}. */
  private List<String> excludeBeans = new ArrayList<>();

  private final CircuitBreaker circuitBreaker = new CircuitBreaker();
  private final Stampede stampede = new Stampede();
  private final WriteBehind writeBehind = new WriteBehind();
  private final Health health = new Health();

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public String getKeyPrefix() {
    return keyPrefix;
  }

  public void setKeyPrefix(String keyPrefix) {
    this.keyPrefix = keyPrefix;
  }

  public Long getLocalMaximumSize() {
    return localMaximumSize;
  }

  public void setLocalMaximumSize(Long localMaximumSize) {
    this.localMaximumSize = localMaximumSize;
  }

  public Boolean getRecordStats() {
    return recordStats;
  }

  public void setRecordStats(Boolean recordStats) {
    this.recordStats = recordStats;
  }

  public Integer getRedisPoolSize() {
    return redisPoolSize;
  }

  public void setRedisPoolSize(Integer redisPoolSize) {
    this.redisPoolSize = redisPoolSize;
  }

  public Duration getExpiryResolution() {
    return expiryResolution;
  }

  public void setExpiryResolution(Duration expiryResolution) {
    this.expiryResolution = expiryResolution;
  }

  public Duration getLoadTimeout() {
    return loadTimeout;
  }

  public void setLoadTimeout(Duration loadTimeout) {
    this.loadTimeout = loadTimeout;
  }

  public CoherenceMode getCoherence() {
    return coherence;
  }

  public void setCoherence(CoherenceMode coherence) {
    this.coherence = coherence;
  }

  public ValueFormat getValueFormat() {
    return valueFormat;
  }

  public void setValueFormat(ValueFormat valueFormat) {
    this.valueFormat = valueFormat;
  }

  public Compression getCompression() {
    return compression;
  }

  public void setCompression(Compression compression) {
    this.compression = compression;
  }

  public DataSize getCompressionThreshold() {
    return compressionThreshold;
  }

  public void setCompressionThreshold(DataSize compressionThreshold) {
    this.compressionThreshold = compressionThreshold;
  }

  public List<String> getExcludeBeans() {
    return excludeBeans;
  }

  public void setExcludeBeans(List<String> excludeBeans) {
    this.excludeBeans = excludeBeans;
  }

  public CircuitBreaker getCircuitBreaker() {
    return circuitBreaker;
  }

  public Stampede getStampede() {
    return stampede;
  }

  public WriteBehind getWriteBehind() {
    return writeBehind;
  }

  public Health getHealth() {
    return health;
  }

  /** When to stop calling Redis after failures, and how often to probe it again. */
  public static class CircuitBreaker {
    /** Consecutive Redis failures that open the circuit. */
    private Integer failures;

    /** How long the circuit stays open before one probe. */
    private Duration openFor;

    public Integer getFailures() {
      return failures;
    }

    public void setFailures(Integer failures) {
      this.failures = failures;
    }

    public Duration getOpenFor() {
      return openFor;
    }

    public void setOpenFor(Duration openFor) {
      this.openFor = openFor;
    }
  }

  /** The lock that lets one JVM load a key while the others wait. */
  public static class Stampede {
    /** How long a stampede lock is held at most. */
    private Duration lease;

    /** How long a caller waits for another JVM's load. */
    private Duration wait;

    /** What a caller does when that wait ends: LOAD itself or FAIL. */
    private StampedeTimeoutPolicy timeoutPolicy;

    public Duration getLease() {
      return lease;
    }

    public void setLease(Duration lease) {
      this.lease = lease;
    }

    public Duration getWait() {
      return wait;
    }

    public void setWait(Duration wait) {
      this.wait = wait;
    }

    public StampedeTimeoutPolicy getTimeoutPolicy() {
      return timeoutPolicy;
    }

    public void setTimeoutPolicy(StampedeTimeoutPolicy timeoutPolicy) {
      this.timeoutPolicy = timeoutPolicy;
    }
  }

  /** Write-behind queues. */
  public static class WriteBehind {
    /** Calls an in-memory queue holds (without Redis). */
    private Integer capacity;

    /** How long shutdown waits for queued calls, all queues together. */
    private Duration drainTimeout;

    /** After how long another node takes over a dead node's pending calls. */
    private Duration claimAfter;

    public Integer getCapacity() {
      return capacity;
    }

    public void setCapacity(Integer capacity) {
      this.capacity = capacity;
    }

    public Duration getDrainTimeout() {
      return drainTimeout;
    }

    public void setDrainTimeout(Duration drainTimeout) {
      this.drainTimeout = drainTimeout;
    }

    public Duration getClaimAfter() {
      return claimAfter;
    }

    public void setClaimAfter(Duration claimAfter) {
      this.claimAfter = claimAfter;
    }
  }

  /** The {@code cachegen} health indicator. */
  public static class Health {
    /**
     * Whether an unreachable Redis makes the indicator DOWN. Off by default: cachegen fails open,
     * so the application still answers, and a DOWN would take it out of a load balancer.
     */
    private boolean sharedTierRequired;

    public boolean isSharedTierRequired() {
      return sharedTierRequired;
    }

    public void setSharedTierRequired(boolean sharedTierRequired) {
      this.sharedTierRequired = sharedTierRequired;
    }
  }
}
