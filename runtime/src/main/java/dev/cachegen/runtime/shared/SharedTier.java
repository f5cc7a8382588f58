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
   * Takes the lock at {@code key} for {@code leaseMillis} if nobody holds it ({@code SET key token
   * NX PX lease}). The lease ends by itself, so a crashed owner blocks others for at most that.
   *
   * @return whether this caller now holds the lock
   */
  boolean tryLock(String key, String token, long leaseMillis);

  /**
   * Releases the lock at {@code key} if {@code token} still holds it (compare-and-delete, atomic in
   * Redis): an owner whose lease ran out never releases the next owner's lock.
   *
   * @return whether the lock was released
   */
  boolean unlock(String key, String token);

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
   */
  AutoCloseable subscribe(String channel, Subscriber subscriber);

  /** What this tier talks to, without credentials, for logs and errors. */
  String describe();

  @Override
  void close();

  /** Receives the messages of a channel. Called on the subscription's thread. */
  interface Subscriber {
    /** The subscription is (again) in place; messages sent before now may have been missed. */
    void subscribed();

    void message(String message);

    /** The connection was lost; messages are missed until {@link #subscribed()}. */
    void disconnected(Throwable cause);
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
        public boolean tryLock(String key, String token, long leaseMillis) {
          return true; // nobody else shares this runtime's entries
        }

        @Override
        public boolean unlock(String key, String token) {
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
        public AutoCloseable subscribe(String channel, Subscriber subscriber) {
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
