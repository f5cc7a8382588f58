package dev.cachegen.runtime;

/**
 * The shared (L2) tier as the caches see it. Every method either succeeds or throws {@link
 * SharedTierException} after a bounded time; callers count the failure and carry on without the
 * tier (fail open).
 */
interface SharedTier extends AutoCloseable {

  /** Whether there is a shared tier at all; {@code false} for the in-memory runtime. */
  boolean isPresent();

  /** Whether the tier is answering; {@code false} while its circuit breaker is open. */
  boolean isAvailable();

  /** The bytes under {@code key}, or {@code null}. */
  byte[] get(String key);

  /**
   * The bytes under {@code key}, or {@code null}, resetting its time to live to {@code ttlMillis}.
   */
  byte[] getAndExpire(String key, long ttlMillis);

  /** Stores {@code value} under {@code key} for {@code ttlMillis}. */
  void set(String key, byte[] value, long ttlMillis);

  /** Removes {@code key}. */
  void delete(String key);

  /** What this tier talks to, without credentials, for logs and errors. */
  String describe();

  @Override
  void close();

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
        public byte[] getAndExpire(String key, long ttlMillis) {
          return null;
        }

        @Override
        public void set(String key, byte[] value, long ttlMillis) {}

        @Override
        public void delete(String key) {}

        @Override
        public String describe() {
          return "none";
        }

        @Override
        public void close() {}
      };
}
