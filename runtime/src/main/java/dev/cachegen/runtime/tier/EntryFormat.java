package dev.cachegen.runtime.tier;

import dev.cachegen.runtime.Codec;
import dev.cachegen.runtime.Compression;
import dev.cachegen.runtime.ValueFormat;
import dev.cachegen.runtime.internal.CacheEntry;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The bytes of an entry in the shared tier: a header, then the codec's payload.
 *
 * <pre>
 * offset 0  magic 0xCA
 *        1  format version (2; version 1 of cachegen 0.1 kept generations and tag versions under
 *           other keys, so its entries read as misses)
 *        2  flags: bit 0 set for a cached null (then there is no payload);
 *           bits 1-2 the payload's format: 0 the runtime's codec (JSON), 1 Smile, 2 CBOR;
 *           bits 3-4 its compression: 0 none, 1 LZ4, 2 Zstd; bits 5-7 zero
 *        3  stored-at, epoch milliseconds, 8 bytes big-endian
 *       11  expires-at (end of freshness), epoch milliseconds, 8 bytes
 *       19  load duration, nanoseconds, 8 bytes
 *       27  the cache's generation at load time, 8 bytes
 *       35  tag count, 2 bytes; then per tag: length (2 bytes), UTF-8 text, version (8 bytes)
 *        …  payload; when compressed, its length before compression (4 bytes), the CRC-32C of
 *           those bytes (4 bytes), then the compressed block
 * </pre>
 *
 * <p>The header carries no type information: the reader knows the declared type from the cache.
 * Expires-at and the load duration travel with the entry so that every JVM that reads it agrees on
 * when it goes stale and when early refresh may start. Format and compression travel with it so
 * that runtimes configured differently read each other's entries; a JSON, uncompressed entry has
 * the flags of cachegen before formats existed, so its bytes did not change. A format or
 * compression this runtime does not know, or cannot run, reads as a corrupt entry: a miss.
 */
final class EntryFormat {
  static final byte MAGIC = (byte) 0xCA;
  static final byte VERSION = 2;
  static final int HEADER_LENGTH = 37;

  /** The most bytes a compressed payload may expand to; larger payloads are not compressed. */
  static final int MAX_UNCOMPRESSED = 64 << 20;

  /** Before a compressed block: the length and the CRC-32C of the payload it holds. */
  private static final int PREFIX_LENGTH = 8;

  private static final byte NULL_VALUE = 1;
  private static final int FORMAT_SHIFT = 1;
  private static final int COMPRESSION_SHIFT = 3;
  private static final int KNOWN_FLAGS = 0x1F;

  /** Wire ids, by position: never reorder, only append (the two bits hold four). */
  private static final ValueFormat[] FORMATS = {
    ValueFormat.JSON, ValueFormat.SMILE, ValueFormat.CBOR
  };

  private static final Compression[] COMPRESSIONS = {
    Compression.NONE, Compression.LZ4, Compression.ZSTD
  };

  private EntryFormat() {}

  /** The flag bits that say a payload is in {@code format} and compressed with {@code c}. */
  static byte flags(ValueFormat format, Compression c) {
    return (byte)
        (indexOf(FORMATS, format) << FORMAT_SHIFT | indexOf(COMPRESSIONS, c) << COMPRESSION_SHIFT);
  }

  static <V> byte[] encode(CacheEntry<V> entry, EntryCodec<V> codec) throws Exception {
    byte flags;
    byte[] payload;
    int payloadLength;
    if (entry.value() == null) {
      flags = NULL_VALUE;
      payload = new byte[0];
      payloadLength = 0;
    } else {
      payload = codec.writer.encode(entry.value());
      payloadLength = payload.length;
      flags = codec.formatFlags;
      if (codec.compressor != null
          && payload.length >= codec.thresholdBytes
          && payload.length <= MAX_UNCOMPRESSED) {
        byte[] compressed =
            new byte[PREFIX_LENGTH + codec.compressor.maxCompressedLength(payload.length)];
        int compressedLength = compress(payload, compressed, codec.compressor);
        if (compressedLength < payload.length) {
          flags = codec.compressedFlags;
          payload = compressed;
          payloadLength = compressedLength;
        }
      }
    }
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
        ByteBuffer.allocate(HEADER_LENGTH + tagsLength + payloadLength)
            .put(MAGIC)
            .put(VERSION)
            .put(flags)
            .putLong(entry.storedAtMillis())
            .putLong(entry.expiresAtMillis())
            .putLong(entry.loadNanos())
            .putLong(entry.generation())
            .putShort((short) tags.length);
    for (int i = 0; i < tags.length; i++) {
      buffer.putShort((short) tagBytes[i].length).put(tagBytes[i]).putLong(entry.tagVersions()[i]);
    }
    return buffer.put(payload, 0, payloadLength).array();
  }

  static <V> CacheEntry<V> decode(byte[] bytes, EntryCodec<V> codec, String sharedKey)
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
    if ((flags & ~KNOWN_FLAGS) != 0) {
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
      if (flags != NULL_VALUE || buffer.hasRemaining()) {
        throw new CorruptEntryException("a cached null carries a payload or a format");
      }
    } else {
      value =
          flags == 0
              ? codec.plain.decode(bytes, buffer.position(), buffer.remaining())
              : decodeEncoded(flags, bytes, buffer.position(), buffer.remaining(), codec);
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

  /** A payload in another format than the runtime codec's, or compressed. */
  private static <V> V decodeEncoded(
      byte flags, byte[] bytes, int offset, int length, EntryCodec<V> codec) throws Exception {
    int formatId = (flags >> FORMAT_SHIFT) & 0x3;
    int compressionId = (flags >> COMPRESSION_SHIFT) & 0x3;
    if (formatId >= FORMATS.length || compressionId >= COMPRESSIONS.length) {
      throw new CorruptEntryException(
          String.format(
              "unknown payload format %d or compression %d (flags 0x%02x)",
              formatId, compressionId, flags));
    }
    Codec.TypedCodec<V> reader = codec.reader(FORMATS[formatId]);
    if (compressionId == 0) {
      return reader.decode(bytes, offset, length);
    }
    Compression compression = COMPRESSIONS[compressionId];
    Compressor decompressor = codec.decompressor(compression);
    if (decompressor == null) {
      throw new CorruptEntryException(
          "entry compressed with " + compression + ", but " + ValueEncoding.missing(compression));
    }
    if (length < PREFIX_LENGTH) {
      throw new CorruptEntryException("compressed payload without its length and checksum");
    }
    ByteBuffer prefix = ByteBuffer.wrap(bytes, offset, PREFIX_LENGTH);
    int uncompressed = prefix.getInt();
    int checksum = prefix.getInt();
    if (uncompressed < 0 || uncompressed > MAX_UNCOMPRESSED) {
      throw new CorruptEntryException("compressed payload claims " + uncompressed + " bytes");
    }
    byte[] payload = new byte[uncompressed];
    decompressor.decompress(bytes, offset + PREFIX_LENGTH, length - PREFIX_LENGTH, payload);
    // A block whose literals were damaged still decompresses; the checksum keeps it from being
    // read as another value of the right type.
    if (crc32c(payload) != checksum) {
      throw new CorruptEntryException(compression + " payload fails its CRC-32C");
    }
    return reader.decode(payload, 0, uncompressed);
  }

  /**
   * Writes the payload's length, its checksum and its compressed block into {@code out}; returns
   * how many bytes that took.
   */
  private static int compress(byte[] payload, byte[] out, Compressor compressor) {
    ByteBuffer.wrap(out).putInt(payload.length).putInt(crc32c(payload));
    return PREFIX_LENGTH + compressor.compress(payload, out, PREFIX_LENGTH);
  }

  private static int crc32c(byte[] bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, bytes.length);
    return (int) crc.getValue();
  }

  private static <T> int indexOf(T[] ids, T value) {
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] == value) {
        return i;
      }
    }
    throw new IllegalArgumentException(String.valueOf(value));
  }

  /** Bytes under a cache key that are not an entry this runtime wrote. */
  static final class CorruptEntryException extends Exception {
    private static final long serialVersionUID = 1L;

    CorruptEntryException(String message) {
      super(message);
    }
  }
}
