package dev.cachegen.runtime.tier;

import dev.cachegen.runtime.Compression;

/**
 * One compression algorithm over byte arrays, for {@link EntryFormat}. The implementations name
 * their library only in their own class, so that a runtime without the library never loads it:
 * {@link #load} turns a missing library into a {@code null} instead of an error.
 */
interface Compressor {

  /** The most bytes {@link #compress} may write for {@code length} input bytes. */
  int maxCompressedLength(int length);

  /** Compresses {@code src} into {@code dst} from {@code dstOffset}; returns the bytes written. */
  int compress(byte[] src, byte[] dst, int dstOffset);

  /**
   * Decompresses {@code length} bytes of {@code src} from {@code offset} into all of {@code dst}.
   *
   * @throws Exception when the bytes are not a compressed block of exactly {@code dst.length} bytes
   */
  void decompress(byte[] src, int offset, int length, byte[] dst) throws Exception;

  /**
   * The compressor for {@code compression}, or {@code null} for {@link Compression#NONE} and when
   * its library is not on the class path (or, for Zstd, its native code does not load here).
   */
  static Compressor load(Compression compression) {
    try {
      return switch (compression) {
        case NONE -> null;
        case LZ4 -> new Lz4Compressor();
        case ZSTD -> new ZstdCompressor();
      };
    } catch (LinkageError e) {
      return null;
    }
  }

  /** The dependency that {@code compression} needs, for messages. */
  static String library(Compression compression) {
    return switch (compression) {
      case NONE -> "nothing";
      case LZ4 -> "at.yawk.lz4:lz4-java";
      case ZSTD -> "com.github.luben:zstd-jni";
    };
  }
}
