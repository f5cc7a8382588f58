package dev.cachegen.runtime.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * The shared (L2) tier as the caches see it. Every method either succeeds or throws {@link
 * SharedTierException} after a bounded time; callers count the failure and carry on without the
 * tier (fail open).
 */
public interface SharedTier extends AutoCloseable {

  /** Whether there is a shared tier at all; {@code false} for the in-memory runtime. */
  boolean isPresent();

  /** Whether the tier is answering; {@code false} while its circuit breaker is open. */
  boolean isAvailable();

  /** The bytes under {@code key}, or {@code null}. */
  byte[] get(String key);

  /** The values of {@code keys}, {@code null} where absent; keys may live in different slots. */
  List<byte[]> getAll(List<String> keys);

  /**
   * The bytes under {@code key}, or {@code null}, resetting its time to live to {@code ttlMillis}.
   */
  byte[] getAndExpire(String key, long ttlMillis);

  /** Stores {@code value} under {@code key} for {@code ttlMillis}, replacing what is there. */
  void set(String key, byte[] value, long ttlMillis);

  /**
   * Stores {@code value} under {@code key} for {@code ttlMillis} unless the key exists: a load that
   * raced with a write must not overwrite the newer value.
   */
  void setIfAbsent(String key, byte[] value, long ttlMillis);

  /**
   * Stores several values at once, each for its own ttl, in one round trip per node (a pipeline).
   * Where {@code ifAbsent[i]} is set, key {@code i} is only stored when it does not exist.
   */
  void setAll(List<String> keys, List<byte[]> values, long[] ttlMillis, boolean[] ifAbsent);

  /** Removes {@code key}. */
  void delete(String key);

  /**
   * How long {@code key} lives from now, in milliseconds ({@code PTTL}): {@code -2} when it does
   * not exist, {@code -1} when it has no time to live. For inspection, not for the call path.
   */
  long timeToLiveMillis(String key);

  /**
   * Reads {@code keys.entry()} and, when it is absent or {@code whenPresent} is set, takes the
   * stampede lock {@code keys.lock()} for {@code leaseMillis} if nobody holds it ({@code SET NX PX}
   * with {@code token}; the lease ends by itself, so a crashed owner blocks others for at most
   * that), atomically, in one round trip: a value the previous owner stored is seen. When another
   * holds the lock and {@code waiting} is set, marks {@code keys.waiters()} for {@code
   * leaseMillis}, so that the owner's {@link #storeAndUnlock} announces the release.
   */
  LockedRead lockAndRead(
      LockKeys keys, String token, long leaseMillis, boolean waiting, boolean whenPresent);

  /**
   * In one round trip: stores {@code value} under {@code keys.entry()} for {@code ttlMillis}
   * (unless {@code value} is {@code null}; with {@code ifAbsent} only when the key does not exist,
   * so that a load that raced with a write does not overwrite the newer value), releases the lock
   * if {@code token} still holds it (compare-and-delete: an owner whose lease ran out never
   * releases the next owner's lock), and, only when a runtime marked that it waits, publishes
   * {@code wakeUp} followed by the entry key on {@code channel}. The lock is released even when the
   * store fails.
   *
   * @return whether this call released the lock
   */
  boolean storeAndUnlock(
      LockKeys keys,
      String token,
      byte[] value,
      long ttlMillis,
      boolean ifAbsent,
      String channel,
      String wakeUp);

  /**
   * What {@link #lockAndRead} found.
   *
   * @param locked whether the caller now holds the lock
   * @param value the entry's bytes, or {@code null}
   * @param wrongType whether the entry's key holds another type than a string
   */
  record LockedRead(boolean locked, byte[] value, boolean wrongType) {}

  /** Increments the counter at {@code key} and returns its new value. */
  long increment(String key);

  /**
   * The version counter at {@code key}. A missing counter (never written, expired, evicted, or lost
   * with Redis's data) is created with the value {@code epoch}, a random number, so that a counter
   * that comes back never takes a value it had before. Its time to live is raised to at least
   * {@code ttlMillis}.
   */
  long readCounter(String key, long epoch, long ttlMillis);

  /**
   * Increments the version counter at {@code key} and returns its new value; a missing counter is
   * first created with the value {@code epoch}. Its time to live is raised to at least {@code
   * ttlMillis}.
   */
  long incrementCounter(String key, long epoch, long ttlMillis);

  /**
   * Whether the tier refused its last write because it is out of memory ({@code maxmemory} with
   * {@code noeviction}): reads work, writes do not, until a write succeeds again.
   */
  default boolean refusesWrites() {
    return false;
  }

  /**
   * A configuration error the tier last answered with (a wrong password, a forbidden command, an
   * untrusted certificate), with what to change, until a call succeeds; {@code null} when there is
   * none. Such an error does not heal by itself, unlike a network fault.
   */
  default String configurationProblem() {
    return null;
  }

  /** Sends {@code message} to every subscriber of {@code channel}. */
  void publish(String channel, String message);

  /**
   * Listens to {@code channel} on a thread of its own until {@code close()}, reconnecting after
   * failures. The listener hears when it is (re)subscribed and when it lost the connection, so it
   * can drop what it may have missed.
   *
   * <p>With a {@code trackedPrefix}, the same connection also asks the server to report every
   * change of a key that starts with it, whoever made it (a write, a delete, an expiry, an
   * eviction, a flush), to {@link Subscriber#changeReported} and {@link Subscriber#flushReported};
   * it is asked again on every new connection, before {@link Subscriber#subscribed()}.
   *
   * @param trackedPrefix the keys to hear about, or {@code null} for the channel alone
   */
  AutoCloseable subscribe(String channel, String trackedPrefix, Subscriber subscriber);

  /** What this tier talks to, without credentials, for logs and errors. */
  String describe();

  @Override
  void close();

  /** Receives the messages of a channel. Called on the subscription's thread. */
  interface Subscriber {
    /** The subscription is (again) in place; messages sent before now may have been missed. */
    void subscribed();

    void message(String message);

    /** The server reports that {@code key}, under the tracked prefix, changed or disappeared. */
    void changeReported(String key);

    /** The server reports that every key may have changed: its data was flushed. */
    void flushReported();

    /** The connection was lost; messages are missed until {@link #subscribed()}. */
    void disconnected(Throwable cause);

    /**
     * The tier now talks to another server than before (a failover named a new master): writes the
     * old one acknowledged may be lost, so entries they replaced may be back. Called on the thread
     * of the command that noticed, before that command runs.
     */
    default void serverReplaced(String why) {}
  }

  /** The null object: no shared tier. Reads miss, writes do nothing. */
  SharedTier NONE =
      new SharedTier() {
        @Override
        public boolean isPresent() {
          return false;
        }

        @Override
        public boolean isAvailable() {
          return false;
        }

        @Override
        public byte[] get(String key) {
          return null;
        }

        @Override
        public List<byte[]> getAll(List<String> keys) {
          List<byte[]> none = new ArrayList<>(keys.size());
          keys.forEach(key -> none.add(null));
          return none;
        }

        @Override
        public byte[] getAndExpire(String key, long ttlMillis) {
          return null;
        }

        @Override
        public void set(String key, byte[] value, long ttlMillis) {}

        @Override
        public void setIfAbsent(String key, byte[] value, long ttlMillis) {}

        @Override
        public void setAll(
            List<String> keys, List<byte[]> values, long[] ttlMillis, boolean[] ifAbsent) {}

        @Override
        public void delete(String key) {}

        @Override
        public long timeToLiveMillis(String key) {
          return -2;
        }

        @Override
        public LockedRead lockAndRead(
            LockKeys keys, String token, long leaseMillis, boolean waiting, boolean whenPresent) {
          return new LockedRead(true, null, false); // nobody else shares this runtime's entries
        }

        @Override
        public boolean storeAndUnlock(
            LockKeys keys,
            String token,
            byte[] value,
            long ttlMillis,
            boolean ifAbsent,
            String channel,
            String wakeUp) {
          return true;
        }

        @Override
        public long increment(String key) {
          throw new UnsupportedOperationException("no shared tier");
        }

        @Override
        public long readCounter(String key, long epoch, long ttlMillis) {
          throw new UnsupportedOperationException("no shared tier");
        }

        @Override
        public long incrementCounter(String key, long epoch, long ttlMillis) {
          throw new UnsupportedOperationException("no shared tier");
        }

        @Override
        public void publish(String channel, String message) {}

        @Override
        public AutoCloseable subscribe(
            String channel, String trackedPrefix, Subscriber subscriber) {
          return () -> {};
        }

        @Override
        public String describe() {
          return "none";
        }

        @Override
        public void close() {}
      };
}
