package dev.cachegen.runtime.tier;

import dev.cachegen.runtime.Codec;
import dev.cachegen.runtime.internal.CacheEntry;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The bytes of an entry in the shared tier: a header, then the codec's payload.
 *
 * <pre>
 * offset 0  magic 0xCA
 *        1  format version (2; version 1 of cachegen 0.1 kept generations and tag versions under
 *           other keys, so its entries read as misses)
 *        2  flags: bit 0 set for a cached null (then there is no payload)
 *        3  stored-at, epoch milliseconds, 8 bytes big-endian
 *       11  expires-at (end of freshness), epoch milliseconds, 8 bytes
 *       19  load duration, nanoseconds, 8 bytes
 *       27  the cache's generation at load time, 8 bytes
 *       35  tag count, 2 bytes; then per tag: length (2 bytes), UTF-8 text, version (8 bytes)
 *        …  payload
 * </pre>
 *
 * <p>The header carries no type information: the reader knows the declared type from the cache.
 * Expires-at and the load duration travel with the entry so that every JVM that reads it agrees on
 * when it goes stale and when early refresh may start.
 */
final class EntryFormat {
  static final byte MAGIC = (byte) 0xCA;
  static final byte VERSION = 2;
  static final int HEADER_LENGTH = 37;
  private static final byte NULL_VALUE = 1;

  private EntryFormat() {}

  static <V> byte[] encode(CacheEntry<V> entry, Codec.TypedCodec<V> codec) throws Exception {
    byte[] payload = entry.value() == null ? new byte[0] : codec.encode(entry.value());
    String[] tags = entry.tags();
    byte[][] tagBytes = new byte[tags.length][];
    int tagsLength = 0;
    for (int i = 0; i < tags.length; i++) {
      tagBytes[i] = tags[i].getBytes(StandardCharsets.UTF_8);
      if (tagBytes[i].length > 0xFFFF) {
        throw new IllegalArgumentException("tag longer than 65535 bytes: " + tags[i]);
      }
      tagsLength += 2 + tagBytes[i].length + 8;
    }
    ByteBuffer buffer =
        ByteBuffer.allocate(HEADER_LENGTH + tagsLength + payload.length)
            .put(MAGIC)
            .put(VERSION)
            .put(entry.value() == null ? NULL_VALUE : 0)
            .putLong(entry.storedAtMillis())
            .putLong(entry.expiresAtMillis())
            .putLong(entry.loadNanos())
            .putLong(entry.generation())
            .putShort((short) tags.length);
    for (int i = 0; i < tags.length; i++) {
      buffer.putShort((short) tagBytes[i].length).put(tagBytes[i]).putLong(entry.tagVersions()[i]);
    }
    return buffer.put(payload).array();
  }

  static <V> CacheEntry<V> decode(byte[] bytes, Codec.TypedCodec<V> codec, String sharedKey)
      throws Exception {
    if (bytes.length < HEADER_LENGTH) {
      throw new CorruptEntryException("entry is " + bytes.length + " bytes, shorter than a header");
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    byte magic = buffer.get();
    byte version = buffer.get();
    byte flags = buffer.get();
    if (magic != MAGIC || version != VERSION) {
      throw new CorruptEntryException(
          String.format(
              "entry starts with 0x%02x 0x%02x, not a cachegen v%d header",
              magic, version, VERSION));
    }
    if ((flags & ~NULL_VALUE) != 0) {
      throw new CorruptEntryException(String.format("unknown flags 0x%02x", flags));
    }
    long storedAtMillis = buffer.getLong();
    long expiresAtMillis = buffer.getLong();
    long loadNanos = buffer.getLong();
    long generation = buffer.getLong();
    int tagCount = Short.toUnsignedInt(buffer.getShort());
    String[] tags = new String[tagCount];
    long[] tagVersions = new long[tagCount];
    try {
      for (int i = 0; i < tagCount; i++) {
        byte[] tag = new byte[Short.toUnsignedInt(buffer.getShort())];
        buffer.get(tag);
        tags[i] = new String(tag, StandardCharsets.UTF_8);
        tagVersions[i] = buffer.getLong();
      }
    } catch (BufferUnderflowException e) {
      throw new CorruptEntryException("tags run past the end of the entry");
    }
    V value = null;
    if ((flags & NULL_VALUE) != 0) {
      if (buffer.hasRemaining()) {
        throw new CorruptEntryException("a cached null carries a payload");
      }
    } else {
      value = codec.decode(bytes, buffer.position(), buffer.remaining());
      if (value == null) {
        throw new CorruptEntryException("payload decodes to null without the null flag");
      }
    }
    return CacheEntry.of(
        value,
        storedAtMillis,
        expiresAtMillis,
        loadNanos,
        generation,
        tags,
        tagVersions,
        sharedKey);
  }

  /** Bytes under a cache key that are not an entry this runtime wrote. */
  static final class CorruptEntryException extends Exception {
    private static final long serialVersionUID = 1L;

    CorruptEntryException(String message) {
      super(message);
    }
  }
}
