package dev.cachegen.runtime.shared;

/**
 * The keys one stampede lock touches, built by {@link KeySpace#lockKeys}: they share a hash tag, so
 * a script may use all three on a Redis Cluster.
 *
 * @param entry the entry the lock guards
 * @param lock the lock itself: the owner's token, for a lease
 * @param waiters present while another runtime waits for the lock: its owner then announces the
 *     release
 */
public record LockKeys(String entry, String lock, String waiters) {}
