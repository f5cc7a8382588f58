package dev.cachegen.runtime;

/**
 * How cached values are written in the shared tier (Redis), chosen with {@link
 * CacheRuntime.Builder#valueFormat(ValueFormat)}. Every format is Jackson reading the declared type
 * only, with the strictness of {@link JacksonCodec#create()}: no type information in the bytes, no
 * default typing.
 *
 * <p>Each entry's header records its format, so runtimes configured differently read each other's
 * entries (a rolling deploy that changes the format needs no flush). Only the shared tier's entries
 * change: the in-process tier holds objects, and write-behind calls stay in the runtime's {@link
 * Codec} (JSON by default) so that queued and dead-lettered calls remain readable.
 */
public enum ValueFormat {
  /**
   * The runtime's {@link Codec} ({@link JacksonCodec#create()}, JSON, unless {@link
   * CacheRuntime.Builder#codec(Codec)} sets another). The default: readable with {@code redis-cli},
   * and the cheapest to decode for small values.
   */
  JSON,

  /**
   * Jackson's Smile, a binary JSON: field names written once per value and numbers in binary. Fewer
   * bytes than JSON for records with repeated names (lists of records) and for numbers.
   */
  SMILE,

  /**
   * CBOR (RFC 8949), a binary format that tools outside the JVM also read. Like Smile, smaller than
   * JSON mostly through binary numbers; it does not share repeated field names.
   */
  CBOR
}
