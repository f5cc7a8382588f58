package dev.cachegen.spring.boot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of Boot's {@code spring.data.redis.*} properties that cachegen reads, bound from the
 * environment by {@link RuntimeFactory} so that the starter does not need Spring Data Redis. The
 * names and meanings are Boot's own; Boot's configuration metadata documents them.
 */
public class RedisConnectionProperties {
  private String url;
  private String host;
  private Integer port;
  private String username;
  private String password;
  private int database;
  private Duration timeout;
  private Duration connectTimeout;
  private final Ssl ssl = new Ssl();
  private final Sentinel sentinel = new Sentinel();
  private final Cluster cluster = new Cluster();

  /** Whether any property names a Redis: a URL, a host or port, sentinels or cluster nodes. */
  boolean isConfigured() {
    return url != null
        || host != null
        || port != null
        || !sentinel.nodes.isEmpty()
        || !cluster.nodes.isEmpty();
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getHost() {
    return host;
  }

  public void setHost(String host) {
    this.host = host;
  }

  public Integer getPort() {
    return port;
  }

  public void setPort(Integer port) {
    this.port = port;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public int getDatabase() {
    return database;
  }

  public void setDatabase(int database) {
    this.database = database;
  }

  public Duration getTimeout() {
    return timeout;
  }

  public void setTimeout(Duration timeout) {
    this.timeout = timeout;
  }

  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  public void setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  public Ssl getSsl() {
    return ssl;
  }

  public Sentinel getSentinel() {
    return sentinel;
  }

  public Cluster getCluster() {
    return cluster;
  }

  /** {@code spring.data.redis.ssl.*}. */
  public static class Ssl {
    private Boolean enabled;
    private String bundle;

    public Boolean getEnabled() {
      return enabled;
    }

    public void setEnabled(Boolean enabled) {
      this.enabled = enabled;
    }

    public String getBundle() {
      return bundle;
    }

    public void setBundle(String bundle) {
      this.bundle = bundle;
    }
  }

  /** {@code spring.data.redis.sentinel.*}. */
  public static class Sentinel {
    private String master;
    private List<String> nodes = new ArrayList<>();
    private String username;
    private String password;

    public String getMaster() {
      return master;
    }

    public void setMaster(String master) {
      this.master = master;
    }

    public List<String> getNodes() {
      return nodes;
    }

    public void setNodes(List<String> nodes) {
      this.nodes = nodes;
    }

    public String getUsername() {
      return username;
    }

    public void setUsername(String username) {
      this.username = username;
    }

    public String getPassword() {
      return password;
    }

    public void setPassword(String password) {
      this.password = password;
    }
  }

  /** {@code spring.data.redis.cluster.*}. */
  public static class Cluster {
    private List<String> nodes = new ArrayList<>();

    public List<String> getNodes() {
      return nodes;
    }

    public void setNodes(List<String> nodes) {
      this.nodes = nodes;
    }
  }
}
