package dev.cachegen.runtime;

import dev.cachegen.runtime.tier.ValueEncoding;
import java.util.Objects;

/**
 * The settings that decide the bytes of values in Redis: the codec, the value format and
 * compression. Split from {@link RuntimeSettings}, which extends it, to keep each file about one
 * thing; applications use them through {@link CacheRuntime.Builder}.
 */
abstract class ValueSettings {
  Codec codec = JacksonCodec.create();
  boolean codecSet;
  ValueFormat valueFormat = ValueFormat.JSON;
  Compression compression = Compression.NONE;
  int compressionThreshold = Integer.MAX_VALUE;

  ValueSettings() {}

  /** This object as the builder it is. */
  abstract CacheRuntime.Builder self();

  /** How values become bytes in Redis. Default {@link JacksonCodec#create()}. */
  public CacheRuntime.Builder codec(Codec codec) {
    this.codec = Objects.requireNonNull(codec, "codec");
    this.codecSet = true;
    return self();
  }

  /**
   * The format of the values this runtime writes to Redis. Default {@link ValueFormat#JSON}, the
   * {@link #codec(Codec) codec}'s bytes. {@link ValueFormat#SMILE} and {@link ValueFormat#CBOR}
   * write the same values in binary through cachegen's strict Jackson mapper, so they cannot be
   * combined with {@link #codec(Codec)}; {@code benchmarks/README.md} has the sizes and times.
   *
   * <p>Every entry records its format, and every runtime reads all of them: nodes that write
   * different formats share Redis without errors, so a rolling deploy can change it.
   */
  public CacheRuntime.Builder valueFormat(ValueFormat format) {
    this.valueFormat = Objects.requireNonNull(format, "valueFormat");
    return self();
  }

  /**
   * Compresses the values written to Redis whose encoded size is {@code thresholdBytes} or more,
   * when that makes them smaller. Default: none. Values under about a kilobyte rarely shrink enough
   * to pay for it; {@code benchmarks/README.md} has the sizes and times.
   *
   * <p>The library is an optional dependency that the application adds itself: {@code
   * at.yawk.lz4:lz4-java} for {@link Compression#LZ4}, {@code com.github.luben:zstd-jni} for {@link
   * Compression#ZSTD}. Entries record their compression, so a rolling deploy can switch it on; add
   * the library to every node first, since a node without it reads compressed entries as misses.
   *
   * @throws IllegalStateException if the library is not on the class path
   */
  public CacheRuntime.Builder compression(Compression compression, int thresholdBytes) {
    Objects.requireNonNull(compression, "compression");
    String setting = "compression(" + compression + ", " + thresholdBytes + ")";
    if (thresholdBytes < 0) {
      throw new IllegalArgumentException(setting + ": thresholdBytes must be 0 or more");
    }
    if (!ValueEncoding.available(compression)) {
      throw new IllegalStateException(
          setting + ": " + ValueEncoding.missing(compression) + "; add it to the dependencies");
    }
    this.compression = compression;
    this.compressionThreshold = thresholdBytes;
    return self();
  }

  /** The format and compression of Redis values; fails if they contradict the codec. */
  ValueEncoding valueEncoding() {
    if (valueFormat != ValueFormat.JSON && codecSet) {
      throw new IllegalStateException(
          "valueFormat("
              + valueFormat
              + ") writes values with cachegen's own Jackson mapper, and codec("
              + codec
              + ") sets another codec; choose one of the two");
    }
    return new ValueEncoding(codec, valueFormat, compression, compressionThreshold);
  }
}
