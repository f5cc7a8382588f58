package dev.cachegen.runtime.shared;

import java.util.Objects;

/**
 * One message on the coherence channel ({@link KeySpace#eventChannel()}): what changed, in which
 * cache, and who said so. Every kind has the same fields, in the same order, on the wire:
 *
 * <pre>
 * 2 TAB publisher TAB sequence TAB kind TAB version TAB cache TAB key
 * </pre>
 *
 * <p>{@code 2} is the format, {@code sequence} the publisher's count of events about this cache
 * (or, for tags, about tags), from 1 and without gaps, so that a receiver notices a missed event;
 * {@code kind} one letter (see {@link Kind}), {@code version} a decimal number (0 where the kind
 * has none), {@code cache} a cache name or empty, and {@code key} the rest of the message, which
 * may itself contain tabs. Cache names never contain a tab, publisher ids are UUIDs.
 *
 * @param publisher the id of the runtime that published it; a runtime ignores its own events
 * @param sequence the publisher's number of this event within its {@link #scope()}
 * @param kind what happened
 * @param cache the cache it happened to; empty for {@link Kind#TAG_INVALIDATED}
 * @param key the shared key ({@link Kind#KEY_CHANGED}, {@link Kind#LOCK_RELEASED}), the tag ({@link
 *     Kind#TAG_INVALIDATED}), or empty
 * @param version the new generation or tag version, or 0
 */
public record CoherenceEvent(
    String publisher, long sequence, Kind kind, String cache, String key, long version) {
  private static final String FORMAT = "2";
  private static final char SEPARATOR = '\t';

  /** What an event says. */
  public enum Kind {
    /** {@code key} of {@code cache} was written or evicted: drop it from the in-process tier. */
    KEY_CHANGED('K'),
    /** Every entry of {@code cache} is invalid: its generation moved to {@code version}. */
    GENERATION_ADVANCED('A'),
    /** Every entry carrying tag {@code key} is invalid: its version moved to {@code version}. */
    TAG_INVALIDATED('T'),
    /**
     * The stampede lock of {@code key} of {@code cache} was released, normally with the value
     * stored: a wake-up for waiters in other runtimes, not an invalidation.
     */
    LOCK_RELEASED('L');

    private final char letter;

    Kind(char letter) {
      this.letter = letter;
    }

    static Kind of(char letter) {
      for (Kind kind : values()) {
        if (kind.letter == letter) {
          return kind;
        }
      }
      throw new IllegalArgumentException("unknown event kind '" + letter + "'");
    }
  }

  public CoherenceEvent {
    Objects.requireNonNull(publisher, "publisher");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(cache, "cache");
    Objects.requireNonNull(key, "key");
    if (publisher.indexOf(SEPARATOR) >= 0 || cache.indexOf(SEPARATOR) >= 0) {
      throw new IllegalArgumentException("publisher and cache must not contain a tab");
    }
  }

  /**
   * What the sequence counts: the cache's events, or all tag events (tags span caches). A
   * lock-release wake-up is not an invalidation and is counted with nothing: {@code null}.
   */
  public String scope() {
    return scope(kind, cache);
  }

  /** {@link #scope()} of an event of {@code kind} about {@code cache}, before it exists. */
  static String scope(Kind kind, String cache) {
    switch (kind) {
      case TAG_INVALIDATED:
        return "";
      case LOCK_RELEASED:
        return null;
      default:
        return cache;
    }
  }

  /** The message as it goes on the wire. */
  public String encode() {
    return FORMAT
        + SEPARATOR
        + publisher
        + SEPARATOR
        + sequence
        + SEPARATOR
        + kind.letter
        + SEPARATOR
        + version
        + SEPARATOR
        + cache
        + SEPARATOR
        + key;
  }

  /**
   * Reads a message written by {@link #encode()}.
   *
   * @throws IllegalArgumentException if it is not one, with the reason
   */
  public static CoherenceEvent decode(String message) {
    int[] at = new int[6];
    int from = 0;
    for (int i = 0; i < at.length; i++) {
      at[i] = message.indexOf(SEPARATOR, from);
      if (at[i] < 0) {
        throw new IllegalArgumentException("an event has seven tab-separated fields");
      }
      from = at[i] + 1;
    }
    if (!message.startsWith(FORMAT) || at[0] != FORMAT.length()) {
      throw new IllegalArgumentException("unknown event format");
    }
    if (at[3] != at[2] + 2) {
      throw new IllegalArgumentException("the kind is one letter");
    }
    long sequence;
    long version;
    try {
      sequence = Long.parseLong(message, at[1] + 1, at[2], 10);
      version = Long.parseLong(message, at[3] + 1, at[4], 10);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the sequence or the version is not a number", e);
    }
    return new CoherenceEvent(
        message.substring(at[0] + 1, at[1]),
        sequence,
        Kind.of(message.charAt(at[2] + 1)),
        message.substring(at[4] + 1, at[5]),
        message.substring(at[5] + 1),
        version);
  }
}
