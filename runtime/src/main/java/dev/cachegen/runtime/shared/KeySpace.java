package dev.cachegen.runtime.shared;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Every Redis key and channel name the runtime uses, built in one place. With {@code p} the key
 * prefix ({@code [A-Za-z0-9._-]+}):
 *
 * <pre>
 * p:&lt;cache&gt;:&lt;shape&gt;:&lt;key&gt;        an entry (string: header + payload)
 * p:!lock:&lt;cache&gt;:&lt;shape&gt;:&lt;key&gt;  the stampede lock of that entry (string: owner token)
 * p:!gen:&lt;cache&gt;                  the cache's generation (integer counter)
 * p:!tag:&lt;tag&gt;                    a tag's version (integer counter)
 * p:wb:{&lt;queue&gt;}                  a write-behind queue (stream)
 * p:wb:{&lt;queue&gt;}:latest           its coalescing index (hash)
 * p:wb:{&lt;queue&gt;}:dead             its dead letters (stream)
 * p:!events                        the coherence channel (pub/sub)
 * </pre>
 *
 * <p>Why no two of them meet: cache and queue names match {@code [A-Za-z0-9._-]+}, so the segment
 * after {@code p:} of an entry key never starts with {@code '!'} and never contains {@code ':'},
 * and every other kind either starts with {@code '!'} (locks, counters, channel) or is {@code
 * wb:{...}}, whose third character {@code '{'} can be neither part of a cache name nor the start of
 * a shape, which is lowercase hex. Within the entries, {@link
 * dev.cachegen.runtime.internal.SharedKeyBuilder} makes the part after the shape injective. {@code
 * KeySpaceTest} checks these claims on generated names.
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

  /** The start of every entry key of a cache: {@code p:<cache>:<shape>:}. */
  public String entryNamespace(String cacheName, String shape) {
    return prefix + ':' + cacheName + ':' + shape + ':';
  }

  /** The stampede lock of the entry at {@code entryKey}: {@code p:!lock:<cache>:<shape>:<key>}. */
  public String lockKey(String entryKey) {
    int start = prefix.length() + 1;
    if (!entryKey.startsWith(prefix)
        || entryKey.length() <= start
        || entryKey.charAt(start - 1) != ':') {
      throw new IllegalArgumentException("not an entry key of prefix " + prefix + ": " + entryKey);
    }
    return prefix + ":!lock:" + entryKey.substring(start);
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
   * The cache of the entry at {@code key}, the {@code <cache>} of {@code p:<cache>:<shape>:<key>};
   * {@code null} when {@code key} is not an entry key of this prefix (a lock, a counter, a queue).
   */
  public String entryCache(String key) {
    int start = prefix.length() + 1;
    if (!key.startsWith(prefix)
        || key.length() <= start
        || key.charAt(start - 1) != ':'
        || key.charAt(start) == '!'
        || key.startsWith("wb:{", start)) {
      return null;
    }
    int end = key.indexOf(':', start);
    return end < 0 ? null : key.substring(start, end);
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
