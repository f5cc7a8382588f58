package dev.cachegen.runtime.shared;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Every Redis key and channel name the runtime uses, built in one place. With {@code p} the key
 * prefix ({@code [A-Za-z0-9._-]+}):
 *
 * <pre>
 * p:{&lt;cache&gt;:&lt;shape&gt;:&lt;key&gt;}       an entry (string: header + payload)
 * p:!lock:{&lt;cache&gt;:&lt;shape&gt;:&lt;key&gt;} the stampede lock of that entry (string: owner token)
 * p:!wait:{&lt;cache&gt;:&lt;shape&gt;:&lt;key&gt;} set while another runtime waits for that lock
 * p:!gen:&lt;cache&gt;                  the cache's generation (integer counter)
 * p:!tag:&lt;tag&gt;                    a tag's version (integer counter)
 * p:wb:{&lt;queue&gt;}                  a write-behind queue (stream)
 * p:wb:{&lt;queue&gt;}:latest           its coalescing index (hash)
 * p:wb:{&lt;queue&gt;}:dead             its dead letters (stream)
 * p:!events                        the coherence channel (pub/sub)
 * </pre>
 *
 * <p>Why no two of them meet: after {@code p:} an entry key starts with {@code '{'}, which starts
 * no other kind: the others start with {@code '!'} (locks, waits, counters, channel) or are {@code
 * wb:{...}}. Within the entries, {@link dev.cachegen.runtime.internal.SharedKeyBuilder} makes the
 * part after the shape injective, and cache names ({@code [A-Za-z0-9._-]+}) end at the first
 * {@code ':'}. {@code KeySpaceTest} checks these claims on generated names.
 *
 * <p><b>One slot per entry.</b> The braces of an entry key are a Redis Cluster hash tag, and its
 * lock and wait keys repeat the entry key after {@code p:} with the same first {@code '{'}, so all
 * three hash to one slot whatever the key holds (a {@code '}'} inside a value only ends the tag
 * early, equally in all three). One script can therefore take the lock and read the entry, or
 * store it, release the lock and wake the waiters, in one round trip. The tag always holds the
 * cache name, so it is never empty. Keys of version 0.2 had no braces: after an upgrade their
 * entries read as misses and expire with their ttl.
 *
 * <p>The write-behind keys keep their 0.1 names, so that calls queued by a runtime of version 0.1
 * are still applied after an upgrade; the other kinds moved under {@code '!'} in 0.2 (see {@code
 * docs/ARCHITECTURE.md}).
 */
public final class KeySpace {
  private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._-]+");

  private final String prefix;

  /**
   * @throws IllegalArgumentException if {@code prefix} is not letters, digits, {@code '.'}, {@code
   *     '_'} and {@code '-'}
   */
  public KeySpace(String prefix) {
    Objects.requireNonNull(prefix, "prefix");
    if (!PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException(
          "key prefix \"" + prefix + "\": use letters, digits, '.', '_' and '-' only");
    }
    this.prefix = prefix;
  }

  /** The prefix every key starts with. */
  public String prefix() {
    return prefix;
  }

  /** What every entry key ends with: the end of its hash tag. */
  public static final String ENTRY_END = "}";

  /** The start of every entry key of a cache: {@code p:{<cache>:<shape>:}. */
  public String entryNamespace(String cacheName, String shape) {
    return prefix + ":{" + cacheName + ':' + shape + ':';
  }

  /**
   * The stampede lock of the entry at {@code entryKey}: {@code p:!lock:{<cache>:<shape>:<key>}}.
   */
  public String lockKey(String entryKey) {
    return prefix + ":!lock:" + tail(entryKey);
  }

  /**
   * The mark that a runtime waits for the lock of the entry at {@code entryKey}, so that its owner
   * announces the release: {@code p:!wait:{<cache>:<shape>:<key>}}.
   */
  public String waitKey(String entryKey) {
    return prefix + ":!wait:" + tail(entryKey);
  }

  /** The keys of the stampede lock of the entry at {@code entryKey}, all in the entry's slot. */
  public LockKeys lockKeys(String entryKey) {
    String tail = tail(entryKey);
    return new LockKeys(entryKey, prefix + ":!lock:" + tail, prefix + ":!wait:" + tail);
  }

  /** The part of an entry key after {@code p:}, which starts with its hash tag. */
  private String tail(String entryKey) {
    int start = prefix.length() + 1;
    if (!entryKey.startsWith(prefix)
        || entryKey.length() <= start
        || entryKey.charAt(start - 1) != ':'
        || entryKey.charAt(start) != '{') {
      throw new IllegalArgumentException("not an entry key of prefix " + prefix + ": " + entryKey);
    }
    return entryKey.substring(start);
  }

  /** A cache's generation counter: {@code p:!gen:<cache>}. */
  public String generationKey(String cacheName) {
    return prefix + ":!gen:" + cacheName;
  }

  /** A tag's version counter: {@code p:!tag:<tag>}. */
  public String tagKey(String tag) {
    return prefix + ":!tag:" + tag;
  }

  /** The channel that carries coherence events between runtimes of this prefix. */
  public String eventChannel() {
    return prefix + ":!events";
  }

  /**
   * A write-behind queue's stream, {@code p:wb:{<queue>}}. The braces are a Redis Cluster hash tag:
   * the stream, its index and its dead letters live in one slot, so one script can touch all three.
   */
  public String writeBehindStream(String queue) {
    return prefix + ":wb:{" + queue + '}';
  }

  /** The coalescing index of a write-behind queue: the newest call id per coalescing key. */
  public String writeBehindLatest(String queue) {
    return writeBehindStream(queue) + ":latest";
  }

  /** The dead letters of a write-behind queue. */
  public String writeBehindDead(String queue) {
    return writeBehindStream(queue) + ":dead";
  }

  /**
   * What server-assisted tracking watches: {@code p:}, every key of this prefix (the kinds that do
   * not concern the in-process tiers, locks and queues, are told apart by {@link #entryCache}).
   */
  public String trackedPrefix() {
    return prefix + ':';
  }

  /**
   * The cache of the entry at {@code key}, the {@code <cache>} of {@code
   * p:{<cache>:<shape>:<key>}}; {@code null} when {@code key} is not an entry key of this prefix (a
   * lock, a counter, a queue).
   */
  public String entryCache(String key) {
    int start = prefix.length() + 1;
    if (!key.startsWith(prefix)
        || key.length() <= start
        || key.charAt(start - 1) != ':'
        || key.charAt(start) != '{') {
      return null;
    }
    int end = key.indexOf(':', start + 1);
    return end < 0 ? null : key.substring(start + 1, end);
  }

  /** The cache whose generation counter is {@code key}, or {@code null}. */
  public String generationCache(String key) {
    return after(generationKey(""), key);
  }

  /** The tag whose version counter is {@code key}, or {@code null}. */
  public String tagOf(String key) {
    return after(tagKey(""), key);
  }

  private static String after(String start, String key) {
    return key.startsWith(start) && key.length() > start.length()
        ? key.substring(start.length())
        : null;
  }

  @Override
  public String toString() {
    return "KeySpace[" + prefix + "]";
  }
}
