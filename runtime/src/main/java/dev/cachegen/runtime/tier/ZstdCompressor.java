package dev.cachegen.runtime.tier;

import com.github.luben.zstd.Zstd;

/** Zstandard frames through zstd-jni, at its default level. */
final class ZstdCompressor implements Compressor {
  private final int level;

  ZstdCompressor() {
    // Loads the native library now, so that a platform without it fails here, not on first use.
    this.level = Zstd.defaultCompressionLevel();
  }

  @Override
  public int maxCompressedLength(int length) {
    return Math.toIntExact(Zstd.compressBound(length));
  }

  @Override
  public int compress(byte[] src, byte[] dst, int dstOffset) {
    long written =
        Zstd.compressByteArray(dst, dstOffset, dst.length - dstOffset, src, 0, src.length, level);
    if (Zstd.isError(written)) {
      throw new IllegalStateException("Zstd: " + Zstd.getErrorName(written));
    }
    return (int) written;
  }

  @Override
  public void decompress(byte[] src, int offset, int length, byte[] dst) throws Exception {
    long written = Zstd.decompressByteArray(dst, 0, dst.length, src, offset, length);
    if (Zstd.isError(written) || written != dst.length) {
      throw new EntryFormat.CorruptEntryException(
          Zstd.isError(written)
              ? "Zstd: " + Zstd.getErrorName(written)
              : "Zstd frame holds " + written + " bytes, the header says " + dst.length);
    }
  }

  @Override
  public String toString() {
    return "Zstd";
  }
}
