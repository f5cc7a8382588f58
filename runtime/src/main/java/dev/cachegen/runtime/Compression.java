package dev.cachegen.runtime;

/**
 * Compression of the values written to the shared tier, chosen with {@link
 * CacheRuntime.Builder#compression(Compression, int)}. Only payloads at or above the chosen
 * threshold are compressed, and only when that makes them smaller; each entry's header says whether
 * and how it is compressed, so runtimes configured differently read each other's entries.
 *
 * <p>The libraries are optional dependencies of the runtime: an application that chooses {@link
 * #LZ4} or {@link #ZSTD} adds the library to its own dependencies. A runtime without the library
 * reads such an entry as a miss (counted as a shared-tier error and logged once) and overwrites it,
 * so add the library to every node before one of them starts compressing.
 */
public enum Compression {
  /** Values are stored as the codec writes them. The default. */
  NONE,

  /**
   * LZ4, with {@code at.yawk.lz4:lz4-java} on the class path (module {@code org.lz4.java}): very
   * fast to compress and to decompress, a smaller gain than Zstd. For values of a few kilobytes and
   * more read at a high rate.
   */
  LZ4,

  /**
   * Zstandard, with {@code com.github.luben:zstd-jni} on the class path (module {@code
   * com.github.luben.zstd_jni}; native code for common platforms inside the jar): the fewest bytes,
   * at more CPU than LZ4. For large values when Redis memory or network is the constraint.
   */
  ZSTD
}
