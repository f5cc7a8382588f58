package dev.cachegen.runtime.redis;

import java.util.function.Supplier;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.Connection;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Server-assisted client tracking (Redis 6 and newer) in broadcasting mode: {@code CLIENT TRACKING
 * ON REDIRECT <id> BCAST PREFIX <prefix>} makes the server report every change of a key under the
 * prefix, by whichever client, and every expiry, eviction and flush, as a message on {@link
 * #CHANNEL} to the connection {@code <id>}, which must be subscribed to that channel (over RESP2,
 * as our subscription connections are).
 *
 * <p>Only one connection per runtime turns tracking on: the subscription's own, which also receives
 * the reports. In broadcasting mode the server sends one report per change to each tracking
 * connection, so tracking on every pooled connection would multiply the messages by the pool size.
 */
final class Tracking {
  /** Where the server sends the reports of a redirected tracking connection. */
  static final String CHANNEL = "__redis__:invalidate";

  private Tracking() {}

  /**
   * Turns tracking on for {@code connection}, for the keys under {@code prefix}, with the reports
   * sent to {@code connection} itself (which then subscribes to {@link #CHANNEL}).
   *
   * @throws JedisDataException if the server refuses (older than 6, or an ACL forbids the command)
   */
  static void redirectToSelf(Connection connection, String prefix) {
    Object id = connection.executeCommand(new CommandArguments(Protocol.Command.CLIENT).add("ID"));
    connection.executeCommand(
        new CommandArguments(Protocol.Command.CLIENT)
            .add("TRACKING")
            .add("ON")
            .add("REDIRECT")
            .add(String.valueOf(id))
            .add("BCAST")
            .add("PREFIX")
            .add(prefix));
  }

  /**
   * Checks now that the server takes the tracking command, on a connection opened for the purpose
   * and closed again (which ends its tracking).
   *
   * @throws IllegalStateException saying what to change, when the server refuses
   */
  static void verify(Supplier<Connection> connections, String prefix, String description) {
    try (Connection connection = connections.get()) {
      redirectToSelf(connection, prefix);
    } catch (JedisDataException e) {
      throw new IllegalStateException("verifyOnStart: " + refusal(e, description), e);
    }
  }

  /** What a refusal of the tracking command means, and what to change. */
  static String refusal(JedisDataException e, String description) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    String why =
        message.startsWith("NOPERM")
            ? "an ACL forbids it; grant the user +client|tracking and +client|id"
            : "it needs Redis 6 or newer";
    return "Redis at "
        + description
        + " refuses CLIENT TRACKING, which coherence(CoherenceMode."
        + "TRACKING or EVENTS_AND_TRACKING) needs ("
        + message
        + "): "
        + why
        + ", or choose coherence(CoherenceMode.EVENTS)";
  }
}
