package dev.cachegen.runtime;

import java.nio.ByteBuffer;

/**
 * The bytes of an entry in the shared tier: a fixed header, then the codec's payload.
 *
 * <pre>
 * offset 0  magic 0xCA
 *        1  format version (1)
 *        2  flags: bit 0 set for a cached null (then there is no payload)
 *        3  stored-at, epoch milliseconds, 8 bytes big-endian
 *       11  load duration, nanoseconds, 8 bytes big-endian
 *       19  payload
 * </pre>
 *
 * <p>The header carries no type information: the reader knows the declared type from the cache.
 */
final class EntryFormat {
  static final byte MAGIC = (byte) 0xCA;
  static final byte VERSION = 1;
  static final int HEADER_LENGTH = 19;
  private static final byte NULL_VALUE = 1;

  private EntryFormat() {}

  static <V> byte[] encode(CacheEntry<V> entry, Codec.TypedCodec<V> codec) throws Exception {
    byte[] payload = entry.value() == null ? new byte[0] : codec.encode(entry.value());
    return ByteBuffer.allocate(HEADER_LENGTH + payload.length)
        .put(MAGIC)
        .put(VERSION)
        .put(entry.value() == null ? NULL_VALUE : 0)
        .putLong(entry.storedAtMillis())
        .putLong(entry.loadNanos())
        .put(payload)
        .array();
  }

  static <V> CacheEntry<V> decode(byte[] bytes, Codec.TypedCodec<V> codec) throws Exception {
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
              "entry starts with 0x%02x 0x%02x, not a cachegen v1 header", magic, version));
    }
    long storedAtMillis = buffer.getLong();
    long loadNanos = buffer.getLong();
    if ((flags & ~NULL_VALUE) != 0) {
      throw new CorruptEntryException(String.format("unknown flags 0x%02x", flags));
    }
    if ((flags & NULL_VALUE) != 0) {
      if (bytes.length != HEADER_LENGTH) {
        throw new CorruptEntryException("a cached null carries a payload");
      }
      return new CacheEntry<>(null, storedAtMillis, loadNanos);
    }
    byte[] payload = new byte[bytes.length - HEADER_LENGTH];
    buffer.get(payload);
    V value = codec.decode(payload);
    if (value == null) {
      throw new CorruptEntryException("payload decodes to null without the null flag");
    }
    return new CacheEntry<>(value, storedAtMillis, loadNanos);
  }

  /** Bytes under a cache key that are not an entry this runtime wrote. */
  static final class CorruptEntryException extends Exception {
    private static final long serialVersionUID = 1L;

    CorruptEntryException(String message) {
      super(message);
    }
  }
}
