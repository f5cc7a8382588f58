package dev.cachegen.runtime.tier;

import dev.cachegen.runtime.Codec;
import dev.cachegen.runtime.Compression;
import dev.cachegen.runtime.JacksonCodec;
import dev.cachegen.runtime.ValueFormat;
import java.lang.reflect.Type;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * How one runtime writes values into the shared tier's entries (a format, a compression and its
 * threshold), and the means to read what any other configuration wrote: {@link EntryFormat} records
 * both choices in each entry's flags, and the codecs and compressors for the formats this runtime
 * does not write are made on the first entry that needs them.
 *
 * <p>Format {@link ValueFormat#JSON} is the runtime's own {@link Codec}, so a custom codec keeps
 * working as before; Smile and CBOR are always cachegen's strict Jackson mappers ({@link
 * JacksonCodec#create(ValueFormat)}), shared by every cache of the runtime.
 */
public final class ValueEncoding {
  private final Codec codec;
  private final ValueFormat format;
  private final Compression compression;
  private final int thresholdBytes;
  private final Codec[] formatCodecs = new Codec[ValueFormat.values().length];

  /** By compression: a {@link Compressor}, {@link #MISSING}, or {@code null} before first use. */
  private final AtomicReferenceArray<Object> compressors =
      new AtomicReferenceArray<>(Compression.values().length);

  private static final Object MISSING = new Object();

  /**
   * @param codec the runtime's codec, which writes and reads {@link ValueFormat#JSON}
   * @param format the format this runtime writes
   * @param compression the compression this runtime applies to payloads of {@code thresholdBytes}
   *     and more
   * @throws IllegalStateException if {@code compression}'s library is not on the class path
   */
  public ValueEncoding(
      Codec codec, ValueFormat format, Compression compression, int thresholdBytes) {
    this.codec = Objects.requireNonNull(codec, "codec");
    this.format = Objects.requireNonNull(format, "format");
    this.compression = Objects.requireNonNull(compression, "compression");
    this.thresholdBytes = thresholdBytes;
    formatCodecs[ValueFormat.JSON.ordinal()] = codec;
    if (compression != Compression.NONE && compressor(compression) == null) {
      throw new IllegalStateException(missing(compression));
    }
  }

  /** JSON through {@code codec}, uncompressed: the default, and what cachegen 0.1 wrote. */
  public static ValueEncoding plain(Codec codec) {
    return new ValueEncoding(codec, ValueFormat.JSON, Compression.NONE, Integer.MAX_VALUE);
  }

  /**
   * Whether {@code compression} can run here: its library is on the class path and loads. {@link
   * Compression#NONE} always can.
   */
  public static boolean available(Compression compression) {
    return compression == Compression.NONE || Compressor.load(compression) != null;
  }

  /** Why {@code compression} cannot run here, for error messages. */
  public static String missing(Compression compression) {
    return "compression "
        + compression
        + " needs "
        + Compressor.library(compression)
        + " on the class path (or its native code does not load on this platform)";
  }

  /** The encoder and decoders for the values of one cache, of exactly {@code type}. */
  public <V> EntryCodec<V> forType(Type type) {
    return new EntryCodec<>(this, type);
  }

  ValueFormat format() {
    return format;
  }

  Compression compression() {
    return compression;
  }

  int thresholdBytes() {
    return thresholdBytes;
  }

  Codec codec() {
    return codec;
  }

  /** The runtime-wide codec for {@code format}, made on first use. */
  synchronized Codec codec(ValueFormat format) {
    Codec found = formatCodecs[format.ordinal()];
    if (found == null) {
      found = JacksonCodec.create(format);
      formatCodecs[format.ordinal()] = found;
    }
    return found;
  }

  /**
   * The compressor for {@code compression}, loaded on first use; {@code null} if unavailable. Read
   * without a lock: entries of another runtime's compression are read on hits during a deploy.
   */
  Compressor compressor(Compression compression) {
    int i = compression.ordinal();
    Object found = compressors.get(i);
    if (found == null) {
      Compressor loaded = Compressor.load(compression);
      compressors.compareAndSet(i, null, loaded == null ? MISSING : loaded);
      found = compressors.get(i);
    }
    return found == MISSING ? null : (Compressor) found;
  }

  @Override
  public String toString() {
    return compression == Compression.NONE
        ? format.toString()
        : format + " + " + compression + " from " + thresholdBytes + " bytes";
  }
}
