package dev.cachegen.runtime.redis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * What a refusal of {@code CLIENT TRACKING} tells the user to change. The ACL case runs against a
 * real server in {@code TrackingTest}; a Redis older than 6 is not installed here, so its reply
 * (the one Redis 5.0 gives to an unknown {@code CLIENT} subcommand) is given as text.
 */
class TrackingRefusalTest {
  @Test
  void aServerOlderThanSixIsToldToBeUpgradedOrEventsChosen() {
    String message =
        Tracking.refusal(
            new JedisDataException(
                "ERR Unknown subcommand or wrong number of arguments for 'TRACKING'. Try CLIENT"
                    + " HELP"),
            "redis://old:6379");
    assertTrue(message.startsWith("Redis at redis://old:6379 refuses CLIENT TRACKING"), message);
    assertTrue(message.contains("it needs Redis 6 or newer"), message);
    assertTrue(message.endsWith("or choose coherence(CoherenceMode.EVENTS)"), message);
  }

  @Test
  void anAclRefusalNamesWhatToGrant() {
    String message =
        Tracking.refusal(
            new JedisAccessControlException(
                "NOPERM this user has no permissions to run the 'client|tracking' command"),
            "redis://acl:6379");
    assertTrue(message.contains("grant the user +client|tracking"), message);
  }
}
