package dev.cachegen.runtime.redis;

import dev.cachegen.runtime.shared.SharedTier.Subscriber;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.UnifiedJedis;

/** One channel's subscription: subscribes, and subscribes again after every failure. */
final class RedisSubscription implements Runnable, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RedisSubscription.class);

  private final String channel;
  private final Subscriber subscriber;
  private volatile boolean closed;
  private volatile JedisPubSub current;
  private Thread thread;

  /** Subscribes on a daemon thread of its own until {@link #close()}. */
  static RedisSubscription start(UnifiedJedis redis, String channel, Subscriber subscriber) {
    RedisSubscription subscription = new RedisSubscription(redis, channel, subscriber);
    Thread thread = new Thread(subscription, "cachegen-events-" + channel);
    thread.setDaemon(true);
    subscription.thread = thread;
    thread.start();
    return subscription;
  }

  private final UnifiedJedis redis;

  RedisSubscription(UnifiedJedis redis, String channel, Subscriber subscriber) {
    this.redis = redis;
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
