package dev.cachegen.runtime.redis;

import dev.cachegen.runtime.shared.KeySpace;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import javax.net.ssl.SSLException;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.params.SetParams;

/**
 * Tells a configuration error (a wrong password, an ACL that forbids a command cachegen needs, a
 * TLS certificate the client does not trust) from a network fault, and checks a Redis at start when
 * the runtime is asked to ({@code verifyOnStart()}). A configuration error does not heal by itself:
 * it is reported as such, with what to change, never as a passing blip.
 */
final class RedisChecks {
  private RedisChecks() {}

  /**
   * What is misconfigured, with what to change, if {@code failure} is a configuration error; {@code
   * null} for anything else (a timeout, a refused connection, a reset).
   */
  static String configurationProblem(Throwable failure, String description) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof JedisAccessControlException) {
        String message = cause.getMessage() == null ? "" : cause.getMessage();
        if (message.startsWith("NOPERM")) {
          return "Redis at "
              + description
              + " refuses a command cachegen needs ("
              + message
              + "); grant the user +@read +@write +@scripting +@pubsub +@stream on the key"
              + " prefix and its channels, or use another user in the redis URI";
        }
        return "Redis at "
            + description
            + " rejects the credentials ("
            + message
            + "); check the user and password in the redis URI";
      }
      if (cause instanceof SSLException) {
        return "TLS to Redis at "
            + description
            + " failed ("
            + cause.getMessage()
            + "); check the server's certificate and the trust (and client key) material given"
            + " to redisSsl(SSLContext)";
      }
    }
    return null;
  }

  /** A script run by its SHA, as the stampede lock's scripts are. */
  private static final RedisScript PROBE_SCRIPT = new RedisScript("return 1");

  /**
   * Runs, once, every kind of command the caches need (read, write with expiry, delete, a script,
   * publish) on a key and a channel of the runtime's own prefix, so that a wrong password, a
   * forbidden command or an untrusted certificate fails {@code build()} with a message that names
   * the setting. A plain network failure fails it too: the caller asked to know.
   *
   * @throws IllegalStateException saying what failed and what to change
   */
  static void verify(UnifiedJedis redis, KeySpace keys, String description) {
    String probe = keys.prefix() + ":!probe:" + UUID.randomUUID();
    try {
      redis.ping();
      redis.set(probe, "1", SetParams.setParams().px(10_000));
      redis.get(probe);
      redis.eval("return 1", List.of(probe), List.of());
      PROBE_SCRIPT.run(redis, 1, probe.getBytes(StandardCharsets.UTF_8)); // EVALSHA, as the lock
      redis.publish(keys.eventChannel(), "probe");
      redis.del(probe);
    } catch (RuntimeException e) {
      String problem = configurationProblem(e, description);
      throw new IllegalStateException(
          "verifyOnStart: "
              + (problem != null
                  ? problem
                  : "cannot use Redis at " + description + " (" + e.getMessage() + ")"),
          e);
    }
  }
}
