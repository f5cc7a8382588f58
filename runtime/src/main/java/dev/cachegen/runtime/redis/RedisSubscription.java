package dev.cachegen.runtime.redis;

import dev.cachegen.runtime.shared.SharedTier.Subscriber;
import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Connection;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * One channel's subscription, on a connection of its own: subscribes, and subscribes again after
 * every failure. A heartbeat ({@code PING} on the subscription connection every {@link
 * #HEARTBEAT_MILLIS}) tells a quiet channel from a dead connection: when no answer came for {@link
 * #SILENCE_MILLIS} (a half-open TCP connection, a paused server, a path that swallows traffic), the
 * connection is cut, the subscriber hears it lost the subscription, and a new one is made. So a
 * subscription that silently stopped delivering is noticed within about {@code HEARTBEAT_MILLIS +
 * SILENCE_MILLIS}. The heartbeat also cuts a connection that is {@code misplaced}: through
 * Sentinel, one still on a master that a failover demoted, which hears none of the events published
 * on the new master.
 *
 * <p>With a tracked prefix, each new connection first turns on server-assisted client tracking
 * ({@link Tracking}) and redirects the reports to itself, then subscribes to the channel and to
 * {@link Tracking#CHANNEL}: tracking lives exactly as long as the connection that receives its
 * reports, so a lost connection loses both together, and the subscriber, told of the loss, drops
 * what it may have missed either way.
 */
final class RedisSubscription implements Runnable, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RedisSubscription.class);

  /** How often the subscription connection is pinged. */
  static final long HEARTBEAT_MILLIS = 500;

  /** How long without an answer (a pong, a message) before the connection counts as dead. */
  static final long SILENCE_MILLIS = 1_500;

  private final Supplier<Connection> connections;
  private final Predicate<Connection> misplaced;
  private final String channel;
  private final String trackedPrefix;
  private final Subscriber subscriber;
  private final AtomicBoolean refusalLogged = new AtomicBoolean();
  private final ScheduledExecutorService heartbeat;
  private volatile boolean closed;
  private volatile JedisPubSub current;
  private volatile Connection connection;

  /** When the connection last answered, in {@code System.nanoTime()}. */
  private volatile long lastHeard;

  private Thread thread;

  private RedisSubscription(
      Supplier<Connection> connections,
      Predicate<Connection> misplaced,
      String channel,
      String trackedPrefix,
      Subscriber subscriber) {
    this.connections = connections;
    this.misplaced = misplaced;
    this.channel = channel;
    this.trackedPrefix = trackedPrefix;
    this.subscriber = subscriber;
    this.heartbeat =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread beat = new Thread(task, "cachegen-heartbeat-" + channel);
              beat.setDaemon(true);
              return beat;
            });
  }

  /**
   * Subscribes on a daemon thread of its own until {@link #close()}; with a {@code trackedPrefix}
   * (else {@code null}), also hears of every change of a key under it.
   */
  static RedisSubscription start(
      Supplier<Connection> connections,
      Predicate<Connection> misplaced,
      String channel,
      String trackedPrefix,
      Subscriber subscriber) {
    RedisSubscription subscription =
        new RedisSubscription(connections, misplaced, channel, trackedPrefix, subscriber);
    Thread thread = new Thread(subscription, "cachegen-events-" + channel);
    thread.setDaemon(true);
    subscription.thread = thread;
    thread.start();
    subscription.heartbeat.scheduleWithFixedDelay(
        subscription::beat, HEARTBEAT_MILLIS, HEARTBEAT_MILLIS, TimeUnit.MILLISECONDS);
    return subscription;
  }

  @Override
  public void run() {
    String[] channels =
        trackedPrefix == null ? new String[] {channel} : new String[] {channel, Tracking.CHANNEL};
    long backoffMillis = 50;
    while (!closed) {
      AtomicBoolean subscribed = new AtomicBoolean();
      JedisPubSub pubSub =
          new JedisPubSub() {
            @Override
            public void onSubscribe(String channel, int subscribedChannels) {
              heard();
              if (subscribedChannels == channels.length) {
                subscribed.set(true);
                subscriber.subscribed();
              }
            }

            @Override
            public void onPong(String pattern) {
              heard();
            }

            @Override
            public void onMessage(String channel, String message) {
              heard();
              try {
                if (!Tracking.CHANNEL.equals(channel)) {
                  subscriber.message(message);
                } else if (message == null) {
                  subscriber.flushReported(); // FLUSHALL, FLUSHDB
                } else {
                  subscriber.changeReported(message);
                }
              } catch (RuntimeException e) {
                log.warn("cachegen: could not apply event {}", message, e);
              }
            }
          };
      Connection opened = null;
      try {
        opened = connections.get();
        connection = opened;
        current = pubSub;
        heard();
        if (trackedPrefix != null) {
          track(opened);
        }
        pubSub.proceed(opened, channels);
        backoffMillis = 50; // returned normally: unsubscribed by close()
      } catch (RuntimeException e) {
        if (closed) {
          return;
        }
        subscriber.disconnected(e);
        if (subscribed.get()) {
          // A subscription that worked was lost: retry soon, not after the backoff an earlier
          // outage
          // grew; until it is back, the events missed meanwhile can leave this runtime's in-process
          // tier stale (the chaos suite measured 2 s after CLIENT KILL TYPE pubsub).
          backoffMillis = 50;
        }
        log.debug(
            "cachegen: subscription to {} lost; retrying in {} ms", channel, backoffMillis, e);
        try {
          TimeUnit.MILLISECONDS.sleep(backoffMillis);
        } catch (InterruptedException interrupted) {
          return;
        }
        backoffMillis = Math.min(2_000, backoffMillis * 2);
      } finally {
        current = null;
        connection = null;
        if (opened != null) {
          opened.close();
        }
      }
    }
  }

  /** Turns tracking on for {@code opened}, reporting to itself; an ERROR once if refused. */
  private void track(Connection opened) {
    try {
      Tracking.redirectToSelf(opened, trackedPrefix);
    } catch (JedisDataException e) {
      if (refusalLogged.compareAndSet(false, true)) {
        log.error(
            "cachegen: {}; until it does, every attempt to subscribe again (every 2 s at most)"
                + " drops the in-process tier",
            Tracking.refusal(e, String.valueOf(opened.getHostAndPort())));
      }
      throw e;
    }
  }

  private void heard() {
    lastHeard = System.nanoTime();
  }

  /** Pings a live subscription; cuts a connection that stopped answering. */
  private void beat() {
    JedisPubSub pubSub = current;
    Connection open = connection;
    if (closed || pubSub == null || open == null) {
      return;
    }
    long silentMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastHeard);
    if (silentMillis > SILENCE_MILLIS) {
      log.debug(
          "cachegen: subscription to {} silent for {} ms; reconnecting", channel, silentMillis);
      cut(open);
      return;
    }
    if (misplaced.test(open)) {
      log.debug("cachegen: subscription to {} is on a demoted master; reconnecting", channel);
      cut(open);
      return;
    }
    if (pubSub.isSubscribed()) {
      try {
        pubSub.ping();
      } catch (RuntimeException e) {
        cut(open); // the write failed: the connection is gone
      }
    }
  }

  /** Closes the socket under the blocked reader, which then fails and reconnects. */
  private static void cut(Connection open) {
    try {
      open.forceDisconnect();
    } catch (IOException | RuntimeException e) {
      // already gone
    }
  }

  @Override
  public void close() {
    closed = true;
    heartbeat.shutdownNow();
    JedisPubSub pubSub = current;
    if (pubSub != null && pubSub.isSubscribed()) {
      try {
        pubSub.unsubscribe();
      } catch (RuntimeException e) {
        // the connection is already gone; the thread ends on its own
      }
    }
    Connection open = connection;
    if (open != null) {
      cut(open);
    }
    thread.interrupt();
  }
}
