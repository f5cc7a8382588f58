package dev.cachegen.runtime;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import com.fasterxml.jackson.dataformat.smile.databind.SmileMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * The default {@link Codec}: JSON with Jackson, read into the declared type only ({@link
 * #create(ValueFormat)} gives the same over Smile or CBOR). Default typing is never enabled, so
 * bytes in Redis cannot name a class to instantiate. Records, beans, collections, {@code java.time}
 * values and {@code Optional} work out of the box.
 *
 * <p>Decoding fails on unknown properties and on trailing content, so bytes of another shape read
 * as a miss rather than as a half-filled object; and it does not coerce one JSON type into another
 * (a number into a {@code String}, a string into an {@code int}, a number into a {@code boolean} or
 * an enum), so the bytes of another type read as a miss too. Whole numbers still read into {@code
 * double} and {@code BigDecimal}, which Jackson itself may write without a fraction.
 */
public final class JacksonCodec implements Codec {
  private final ObjectMapper mapper;

  private JacksonCodec(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** A codec over a JSON mapper with the Java time and JDK 8 modules, and strict reading. */
  public static JacksonCodec create() {
    return create(ValueFormat.JSON);
  }

  /**
   * A codec like {@link #create()} that writes and reads {@code format} instead of JSON: the same
   * modules, the same strict reading, no type information in the bytes. {@link
   * CacheRuntime.Builder#valueFormat(ValueFormat)} uses it for the shared tier's entries.
   */
  public static JacksonCodec create(ValueFormat format) {
    ObjectMapper mapper =
        switch (Objects.requireNonNull(format, "format")) {
          case JSON -> strict(JsonMapper.builder());
          case SMILE -> strict(SmileMapper.builder());
          case CBOR -> strict(CBORMapper.builder());
        };
    refuse(
        mapper,
        LogicalType.Textual,
        CoercionInputShape.Integer,
        CoercionInputShape.Float,
        CoercionInputShape.Boolean);
    refuse(
        mapper,
        LogicalType.Integer,
        CoercionInputShape.String,
        CoercionInputShape.Float,
        CoercionInputShape.Boolean);
    refuse(mapper, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.Boolean);
    refuse(
        mapper,
        LogicalType.Boolean,
        CoercionInputShape.Integer,
        CoercionInputShape.Float,
        CoercionInputShape.String);
    refuse(mapper, LogicalType.Enum, CoercionInputShape.Integer);
    return new JacksonCodec(mapper);
  }

  private static ObjectMapper strict(MapperBuilder<?, ?> builder) {
    return builder
        .addModule(new JavaTimeModule())
        .addModule(new Jdk8Module())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .build();
  }

  private static void refuse(
      ObjectMapper mapper, LogicalType target, CoercionInputShape... inputs) {
    for (CoercionInputShape input : inputs) {
      mapper.coercionConfigFor(target).setCoercion(input, CoercionAction.Fail);
    }
  }

  /**
   * A codec over the given mapper, for applications that configure Jackson themselves. Do not
   * enable default typing on it: cachegen never needs type information in the bytes.
   */
  public static JacksonCodec using(ObjectMapper mapper) {
    return new JacksonCodec(Objects.requireNonNull(mapper, "mapper"));
  }

  @Override
  public <V> TypedCodec<V> forType(Type type) {
    JavaType javaType = mapper.getTypeFactory().constructType(type);
    ObjectWriter writer = mapper.writerFor(javaType);
    ObjectReader reader = mapper.readerFor(javaType);
    return new TypedCodec<>() {
      @Override
      public byte[] encode(V value) throws Exception {
        return writer.writeValueAsBytes(value);
      }

      @Override
      public V decode(byte[] bytes) throws Exception {
        return reader.readValue(bytes);
      }

      @Override
      public V decode(byte[] bytes, int offset, int length) throws Exception {
        return reader.readValue(bytes, offset, length);
      }
    };
  }

  @Override
  public String toString() {
    String format = mapper.getFactory().getFormatName();
    return "JSON".equals(format) ? "JacksonCodec" : "JacksonCodec[" + format + "]";
  }
}
