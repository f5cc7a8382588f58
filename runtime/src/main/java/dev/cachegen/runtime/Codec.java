package dev.cachegen.runtime;

import java.lang.reflect.Type;

/**
 * Turns cached values into bytes for the shared tier and back. A codec reads only the declared type
 * it is given: no type information is stored in the bytes, and nothing but that type (and the types
 * it declares) is ever instantiated.
 *
 * <p>The default is {@link JacksonCodec}. A custom codec is set with {@link
 * CacheRuntime.Builder#codec(Codec)}.
 */
public interface Codec {

  /**
   * Returns an encoder and decoder for values of exactly {@code type}. Called once per cache when
   * the cache is created, so implementations should do their per-type work here.
   */
  <V> TypedCodec<V> forType(Type type);

  /**
   * Encodes and decodes the values of one declared type.
   *
   * @param <V> the declared type
   */
  interface TypedCodec<V> {
    /** Encodes a non-null value. */
    byte[] encode(V value) throws Exception;

    /** Decodes bytes written by {@link #encode}; throws on bytes that are not such a value. */
    V decode(byte[] bytes) throws Exception;

    /**
     * Decodes {@code length} bytes of {@code bytes} from {@code offset}. The shared tier's entries
     * carry a header before the payload; codecs that can read in place should override this to
     * spare the copy.
     */
    default V decode(byte[] bytes, int offset, int length) throws Exception {
      return decode(java.util.Arrays.copyOfRange(bytes, offset, offset + length));
    }
  }
}
