package dev.cachegen.runtime.tier;

import dev.cachegen.runtime.Codec;
import dev.cachegen.runtime.Compression;
import dev.cachegen.runtime.ValueFormat;
import java.lang.reflect.Type;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One cache's view of its runtime's {@link ValueEncoding}: the codec that writes its values, the
 * compressor of large payloads, and the decoders of every format and compression an entry may name.
 * What this cache writes is made at once; what only other configurations write, on first read.
 *
 * @param <V> the cache's declared value type
 */
public final class EntryCodec<V> {
  private final ValueEncoding encoding;
  private final Type type;

  /** The runtime's codec for this type: format {@code 0}, read without looking further. */
  final Codec.TypedCodec<V> plain;

  /** The codec of the format this runtime writes. */
  final Codec.TypedCodec<V> writer;

  /** The flag bits of the format this runtime writes ({@link EntryFormat#flags}). */
  final byte formatFlags;

  /** The flag bits of a payload this runtime compressed. */
  final byte compressedFlags;

  /** Compresses payloads of {@link #thresholdBytes} and more; {@code null} for none. */
  final Compressor compressor;

  final int thresholdBytes;

  /** By format, made on first use; a lock-free read, since other formats are read on hits too. */
  private final AtomicReferenceArray<Codec.TypedCodec<V>> readers =
      new AtomicReferenceArray<>(ValueFormat.values().length);

  EntryCodec(ValueEncoding encoding, Type type) {
    this.encoding = encoding;
    this.type = type;
    this.plain = encoding.codec().forType(type);
    readers.set(ValueFormat.JSON.ordinal(), plain);
    this.formatFlags = EntryFormat.flags(encoding.format(), Compression.NONE);
    this.compressedFlags = EntryFormat.flags(encoding.format(), encoding.compression());
    this.writer = encoding.format() == ValueFormat.JSON ? plain : reader(encoding.format());
    this.compressor =
        encoding.compression() == Compression.NONE
            ? null
            : encoding.compressor(encoding.compression());
    this.thresholdBytes = encoding.thresholdBytes();
  }

  /** The decoder of {@code format} for this cache's type, made on first use. */
  Codec.TypedCodec<V> reader(ValueFormat format) {
    Codec.TypedCodec<V> found = readers.get(format.ordinal());
    if (found == null) {
      // Two threads may both make one; either serves, as Jackson's readers are immutable.
      readers.compareAndSet(format.ordinal(), null, encoding.codec(format).forType(type));
      found = readers.get(format.ordinal());
    }
    return found;
  }

  /** The decompressor of {@code compression}; {@code null} when its library is not here. */
  Compressor decompressor(Compression compression) {
    return compression == encoding.compression() ? compressor : encoding.compressor(compression);
  }
}
