package dev.cachegen.runtime.tier;

import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

/**
 * LZ4 blocks through lz4-java, the fastest implementation it finds (native, else pure Java). Reads
 * use the safe decompressor, which checks every offset against the buffers: the bytes come from
 * Redis and may be anything.
 */
final class Lz4Compressor implements Compressor {
  private final LZ4Compressor compressor;
  private final LZ4SafeDecompressor decompressor;

  Lz4Compressor() {
    LZ4Factory factory = LZ4Factory.fastestInstance();
    this.compressor = factory.fastCompressor();
    this.decompressor = factory.safeDecompressor();
  }

  @Override
  public int maxCompressedLength(int length) {
    return compressor.maxCompressedLength(length);
  }

  @Override
  public int compress(byte[] src, byte[] dst, int dstOffset) {
    return compressor.compress(src, 0, src.length, dst, dstOffset, dst.length - dstOffset);
  }

  @Override
  public void decompress(byte[] src, int offset, int length, byte[] dst) throws Exception {
    int written = decompressor.decompress(src, offset, length, dst, 0, dst.length);
    if (written != dst.length) {
      throw new EntryFormat.CorruptEntryException(
          "LZ4 block holds " + written + " bytes, the header says " + dst.length);
    }
  }

  @Override
  public String toString() {
    return "LZ4";
  }
}
