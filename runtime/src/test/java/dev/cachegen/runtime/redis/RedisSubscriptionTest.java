package dev.cachegen.runtime.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cachegen.runtime.shared.SharedTier.Subscriber;
import dev.cachegen.testing.Await;
import dev.cachegen.testing.RedisServer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Connection;
import redis.clients.jedis.HostAndPort;

/**
 * Issue 10, item 4: a subscription left on a server that is no longer the one to listen to (through
 * Sentinel, a demoted master, which still answers the heartbeat) is cut and made again, as the
 * chaos suite's failover showed it must be.
 */
class RedisSubscriptionTest {
  @Test
  void aMisplacedSubscriptionIsCutAndMadeAgainWhereItBelongs() throws Exception {
    try (RedisServer redis = RedisServer.start()) {
      HostAndPort address = new HostAndPort(redis.host(), redis.port());
      AtomicBoolean demoted = new AtomicBoolean();
      AtomicInteger subscriptions = new AtomicInteger();
      AtomicInteger losses = new AtomicInteger();
      Subscriber subscriber =
          new Subscriber() {
            @Override
            public void subscribed() {
              subscriptions.incrementAndGet();
            }

            @Override
            public void message(String message) {}

            @Override
            public void changeReported(String key) {}

            @Override
            public void flushReported() {}

            @Override
            public void disconnected(Throwable cause) {
              losses.incrementAndGet();
            }
          };
      RedisSubscription subscription =
          RedisSubscription.start(
              () -> new Connection(address),
              connection -> demoted.get(),
              "events",
              null,
              subscriber);
      try {
        Await.until(() -> subscriptions.get() == 1);
        // Three heartbeats on a healthy, well-placed subscription: it stays.
        Thread.sleep(3 * RedisSubscription.HEARTBEAT_MILLIS);
        assertEquals(1, subscriptions.get());
        assertEquals(0, losses.get());

        demoted.set(true);
        Await.until(() -> losses.get() >= 1);
        demoted.set(false);
        Await.until(() -> subscriptions.get() >= 2);
        assertEquals("1", redis.command("PUBSUB", "NUMSUB", "events").split("\n")[1]);
      } finally {
        subscription.close();
      }
    }
  }
}
