package dev.cachegen.runtime.redis;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A parsed {@code redis://} or {@code rediss://} URI: {@code
 * redis://[[user]:password@]host[:port][/database]}. Every mistake is an {@link
 * IllegalArgumentException} that names the setting and never repeats the password.
 */
public final class RedisEndpoint {
  final String host;
  final int port;
  final String user;
  final String password;
  final int database;
  final boolean ssl;

  private RedisEndpoint(
      String host, int port, String user, String password, int database, boolean ssl) {
    this.host = host;
    this.port = port;
    this.user = user;
    this.password = password;
    this.database = database;
    this.ssl = ssl;
  }

  public static RedisEndpoint parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(
          "redis(uri): the URI is empty; expected redis://host:port or rediss://host:port");
    }
    URI uri;
    try {
      uri = new URI(text.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "redis(uri): \"" + masked(text) + "\" is not a URI: " + e.getReason(), e);
    }
    String scheme = uri.getScheme();
    if (scheme == null || !(scheme.equals("redis") || scheme.equals("rediss"))) {
      throw new IllegalArgumentException(
          "redis(uri): \""
              + masked(text)
              + "\" must start with redis:// or rediss:// (for TLS), for example"
              + " redis://localhost:6379");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException(
          "redis(uri): \"" + masked(text) + "\" names no host, for example redis://localhost:6379");
    }
    int port = uri.getPort() == -1 ? 6379 : uri.getPort();
    String user = null;
    String password = null;
    String userInfo = uri.getUserInfo();
    if (userInfo != null && !userInfo.isEmpty()) {
      int colon = userInfo.indexOf(':');
      if (colon < 0) {
        // redis://secret@host is the common shorthand for a password without a user.
        password = userInfo;
      } else {
        user = colon == 0 ? null : userInfo.substring(0, colon);
        password = userInfo.substring(colon + 1);
      }
    }
    int database = 0;
    String path = uri.getPath();
    if (path != null && !path.isEmpty() && !path.equals("/")) {
      try {
        database = Integer.parseInt(path.substring(1));
      } catch (NumberFormatException e) {
        database = -1;
      }
      if (database < 0) {
        throw new IllegalArgumentException(
            "redis(uri): \""
                + masked(text)
                + "\" has path "
                + path
                + "; the path selects a database and must be a number such as /0");
      }
    }
    if (uri.getQuery() != null || uri.getFragment() != null) {
      throw new IllegalArgumentException(
          "redis(uri): \""
              + masked(text)
              + "\" has a query or fragment; set timeouts and pools on CacheRuntime.Builder");
    }
    return new RedisEndpoint(
        uri.getHost(), port, user, password, database, scheme.equals("rediss"));
  }

  /** The URI with any password replaced by {@code ***}. */
  public static String masked(String text) {
    return text.replaceAll("(://[^:@/]*:)[^@/]*@", "$1***@").replaceAll("(://)[^:@/]+@", "$1***@");
  }

  @Override
  public String toString() {
    return (ssl ? "rediss://" : "redis://") + host + ":" + port + "/" + database;
  }
}
