package dev.cachegen.runtime.tier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachegen.runtime.Codec;
import dev.cachegen.runtime.Compression;
import dev.cachegen.runtime.JacksonCodec;
import dev.cachegen.runtime.ValueFormat;
import dev.cachegen.runtime.internal.CacheEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Entries in every value format and compression: each configuration reads what every other one
 * wrote, the default's bytes are those of the format before formats existed, and bytes that name an
 * unknown format or hold a broken compressed block are rejected (the shared tier turns that into a
 * miss).
 */
class ValueEncodingTest {
  record Line(String sku, int quantity, double price, Instant at, Optional<String> note) {}

  record Order(long id, String customer, List<Line> lines) {}

  private static final Order SMALL = order(1);
  private static final Order LARGE = order(200);

  private static Order order(int lines) {
    List<Line> list = new ArrayList<>();
    for (int i = 0; i < lines; i++) {
      list.add(
          new Line(
              "SKU-" + (1000 + i),
              i % 7,
              i * 1.25,
              Instant.ofEpochSecond(1_700_000_000L + i),
              i % 3 == 0 ? Optional.of("gift") : Optional.empty()));
    }
    return new Order(42, "customer-42", list);
  }

  /** Every format with every compression, from 256 bytes; made once, as a runtime makes them. */
  private static final List<ValueEncoding> CONFIGURATIONS = configurations();

  static List<ValueEncoding> configurations() {
    if (CONFIGURATIONS != null) {
      return CONFIGURATIONS;
    }
    List<ValueEncoding> all = new ArrayList<>();
    for (ValueFormat format : ValueFormat.values()) {
      for (Compression compression : Compression.values()) {
        all.add(new ValueEncoding(JacksonCodec.create(), format, compression, 256));
      }
    }
    return all;
  }

  private static byte[] encode(ValueEncoding encoding, Order value) throws Exception {
    return EntryFormat.encode(CacheEntry.of(value, 1L, 2L), codec(encoding));
  }

  private static Order decode(ValueEncoding encoding, byte[] bytes) throws Exception {
    return EntryFormat.decode(bytes, codec(encoding), "k").value();
  }

  private static final java.util.Map<ValueEncoding, EntryCodec<Order>> CODECS =
      new java.util.IdentityHashMap<>();

  /** One cache's codec per configuration, as a runtime holds it. */
  private static synchronized EntryCodec<Order> codec(ValueEncoding encoding) {
    return CODECS.computeIfAbsent(encoding, e -> e.forType(Order.class));
  }

  @ParameterizedTest
  @MethodSource("configurations")
  void everyConfigurationReadsWhatEveryOtherWrote(ValueEncoding writer) throws Exception {
    for (Order value : List.of(SMALL, LARGE)) {
      byte[] bytes = encode(writer, value);
      for (ValueEncoding reader : CONFIGURATIONS) {
        assertEquals(value, decode(reader, bytes), writer + " read by " + reader);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("configurations")
  void theHeaderNamesFormatAndCompressionOnlyWhenTheyApply(ValueEncoding writer) throws Exception {
    byte formatOnly = EntryFormat.flags(writer.format(), Compression.NONE);
    assertEquals(formatOnly, encode(writer, SMALL)[2], "under the threshold: not compressed");
    assertEquals(
        EntryFormat.flags(writer.format(), writer.compression()),
        encode(writer, LARGE)[2],
        "over the threshold");
    if (writer.compression() != Compression.NONE) {
      assertTrue(
          encode(writer, LARGE).length
              < encode(
                      new ValueEncoding(writer.codec(), writer.format(), Compression.NONE, 0),
                      LARGE)
                  .length);
    }
  }

  @Test
  void theDefaultWritesTheBytesOfBeforeFormats() throws Exception {
    ValueEncoding plain = ValueEncoding.plain(JacksonCodec.create());
    byte[] bytes = encode(plain, LARGE);
    assertEquals(0, bytes[2], "flags");
    byte[] json = JacksonCodec.create().<Order>forType(Order.class).encode(LARGE);
    assertArrayEquals(json, Arrays.copyOfRange(bytes, EntryFormat.HEADER_LENGTH, bytes.length));
  }

  @Test
  void aPayloadThatCompressionDoesNotShrinkIsStoredAsItIs() throws Exception {
    byte[] noise = new byte[4096];
    new Random(7).nextBytes(noise);
    ValueEncoding lz4 =
        new ValueEncoding(JacksonCodec.create(), ValueFormat.CBOR, Compression.LZ4, 0);
    EntryCodec<byte[]> codec = lz4.forType(byte[].class);
    byte[] bytes = EntryFormat.encode(CacheEntry.of(noise, 1L, 2L), codec);
    assertEquals(EntryFormat.flags(ValueFormat.CBOR, Compression.NONE), bytes[2]);
    assertArrayEquals(noise, EntryFormat.decode(bytes, codec, "k").value());
  }

  @Test
  void unknownFormatOrCompressionIdsAreRejected() throws Exception {
    ValueEncoding plain = ValueEncoding.plain(JacksonCodec.create());
    byte[] valid = encode(plain, SMALL);
    // format 3, compression 3, a reserved bit, and a null flag with a format
    for (int flags : new int[] {0x06, 0x18, 0x20, 0x80, 0x03}) {
      byte[] bytes = valid.clone();
      bytes[2] = (byte) flags;
      assertThrows(
          EntryFormat.CorruptEntryException.class,
          () -> decode(plain, bytes),
          "flags " + Integer.toHexString(flags));
    }
  }

  @Test
  void brokenCompressedBlocksAreRejected() throws Exception {
    for (Compression compression : List.of(Compression.LZ4, Compression.ZSTD)) {
      ValueEncoding encoding =
          new ValueEncoding(JacksonCodec.create(), ValueFormat.SMILE, compression, 0);
      byte[] valid = encode(encoding, LARGE);
      int payload = EntryFormat.HEADER_LENGTH;
      List<byte[]> broken = new ArrayList<>();
      broken.add(Arrays.copyOf(valid, valid.length - 10)); // truncated block
      broken.add(Arrays.copyOf(valid, payload + 2)); // not even a length
      byte[] flipped = valid.clone();
      for (int i = payload + 8; i < flipped.length; i += 5) {
        flipped[i] ^= 0x5A;
      }
      broken.add(flipped);
      byte[] shorter = valid.clone();
      shorter[payload + 3]--; // the block holds one byte more than the header says
      broken.add(shorter);
      byte[] literal = valid.clone();
      literal[literal.length - 2] ^= 0x01; // the last literals: still decompresses
      broken.add(literal);
      byte[] checksum = valid.clone();
      checksum[payload + 4] ^= 0x01;
      broken.add(checksum);
      byte[] huge = valid.clone();
      huge[payload] = 0x7F; // claims almost 2 GiB
      broken.add(huge);
      for (byte[] bytes : broken) {
        assertThrows(Exception.class, () -> decode(encoding, bytes), compression.toString());
      }
    }
  }

  @Test
  void aBinaryFormatReadsOnlyTheDeclaredType() throws Exception {
    Codec.TypedCodec<List<String>> strings =
        JacksonCodec.create(ValueFormat.SMILE)
            .forType(dev.cachegen.runtime.internal.Types.parameterized(List.class, String.class));
    Codec.TypedCodec<Order> orders = JacksonCodec.create(ValueFormat.SMILE).forType(Order.class);
    byte[] list = strings.encode(List.of("a", "b"));
    assertThrows(Exception.class, () -> orders.decode(list));
    Codec.TypedCodec<Integer> ints = JacksonCodec.create(ValueFormat.CBOR).forType(Integer.class);
    Codec.TypedCodec<String> text = JacksonCodec.create(ValueFormat.CBOR).forType(String.class);
    assertThrows(Exception.class, () -> text.decode(ints.encode(42)), "no coercion of 42 to text");
  }
}
