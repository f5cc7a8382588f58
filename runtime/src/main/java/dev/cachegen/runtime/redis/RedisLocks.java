package dev.cachegen.runtime.redis;

import dev.cachegen.runtime.shared.LockKeys;
import dev.cachegen.runtime.shared.SharedTier.LockedRead;
import java.nio.charset.StandardCharsets;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;

/**
 * The stampede lock's two Redis steps, each one script and one round trip. The three keys of a lock
 * share a hash tag ({@code KeySpace}), so the scripts also run on a Redis Cluster.
 *
 * <ul>
 *   <li>{@link #lockAndRead}: {@code GET} the entry; when it is absent (or the caller asks to lock
 *       over it), {@code SET lock token NX PX lease}, and when that lock is held elsewhere, mark
 *       the wait key. Atomic, so a value the previous owner stored is seen, and a waiter marks the
 *       key before the owner can release without seeing the mark.
 *   <li>{@link #storeAndUnlock}: {@code SET} the entry (or {@code SET NX}), compare-and-delete the
 *       lock, and {@code PUBLISH} the wake-up only when the wait key was there. A failed {@code
 *       SET} (out of memory) still releases the lock, then answers the error.
 * </ul>
 */
final class RedisLocks {
  private static final RedisScript LOCK_AND_READ =
      new RedisScript(
          "local value = redis.pcall('get', KEYS[2])\n"
              + "local wrong = 0\n"
              + "if type(value) == 'table' and value.err then value = false wrong = 1 end\n"
              + "if value and ARGV[4] ~= '1' then return {0, value} end\n"
              + "local locked = redis.call('set', KEYS[1], ARGV[1], 'nx', 'px', ARGV[2])\n"
              + "if not locked and ARGV[3] == '1' then"
              + " redis.call('set', KEYS[3], '1', 'px', ARGV[2]) end\n"
              + "return {locked and 1 or 0, value, wrong}");

  private static final RedisScript STORE_AND_UNLOCK =
      new RedisScript(
          "local stored = true\n"
              + "if ARGV[3] ~= '0' then\n"
              + "  if ARGV[4] == '1' then"
              + " stored = redis.pcall('set', KEYS[1], ARGV[2], 'px', ARGV[3], 'nx')\n"
              + "  else stored = redis.pcall('set', KEYS[1], ARGV[2], 'px', ARGV[3]) end\n"
              + "end\n"
              + "local released = 0\n"
              + "if redis.call('get', KEYS[2]) == ARGV[1] then\n"
              + "  redis.call('del', KEYS[2])\n"
              + "  released = 1\n"
              + "  if redis.call('del', KEYS[3]) == 1 then"
              + " redis.call('publish', ARGV[5], ARGV[6] .. KEYS[1]) end\n"
              + "end\n"
              + "if type(stored) == 'table' and stored.err then return stored end\n"
              + "return released");

  private static final byte[] ONE = {'1'};
  private static final byte[] ZERO = {'0'};
  private static final byte[] NOTHING = {};

  private RedisLocks() {}

  static LockedRead lockAndRead(
      UnifiedJedis redis,
      LockKeys keys,
      String token,
      long leaseMillis,
      boolean waiting,
      boolean whenPresent) {
    Object reply =
        LOCK_AND_READ.run(
            redis,
            3,
            bytes(keys.lock()),
            bytes(keys.entry()),
            bytes(keys.waiters()),
            bytes(token),
            bytes(Long.toString(leaseMillis)),
            waiting ? ONE : ZERO,
            whenPresent ? ONE : ZERO);
    List<?> answer = (List<?>) reply;
    boolean locked = ((Long) answer.get(0)) == 1L;
    byte[] value = (byte[]) answer.get(1);
    return new LockedRead(locked, value, answer.size() > 2 && ((Long) answer.get(2)) == 1L);
  }

  static boolean storeAndUnlock(
      UnifiedJedis redis,
      LockKeys keys,
      String token,
      byte[] value,
      long ttlMillis,
      boolean ifAbsent,
      String channel,
      String wakeUp) {
    boolean store = value != null && ttlMillis > 0;
    Object reply =
        STORE_AND_UNLOCK.run(
            redis,
            3,
            bytes(keys.entry()),
            bytes(keys.lock()),
            bytes(keys.waiters()),
            bytes(token),
            store ? value : NOTHING,
            store ? bytes(Long.toString(ttlMillis)) : ZERO,
            ifAbsent ? ONE : ZERO,
            bytes(channel),
            bytes(wakeUp));
    return reply instanceof Long && (Long) reply == 1L;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
