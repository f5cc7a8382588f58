package dev.cachegen.runtime.tier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cachegen.runtime.JacksonCodec;
import dev.cachegen.runtime.internal.CacheEntry;
import dev.cachegen.runtime.internal.Types;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntryFormatTest {
  record Item(long id, String name) {}

  private final EntryCodec<Item> codec =
      ValueEncoding.plain(JacksonCodec.create()).forType(Item.class);

  @Test
  void roundTripsAValueWithItsMetadata() throws Exception {
    byte[] bytes = EntryFormat.encode(CacheEntry.of(new Item(1, "one"), 1234L, 5678L), codec);
    CacheEntry<Item> entry = EntryFormat.decode(bytes, codec, "k");
    assertEquals(new Item(1, "one"), entry.value());
    assertEquals(1234L, entry.storedAtMillis());
    assertEquals(5678L, entry.loadNanos());
  }

  @Test
  void roundTripsACachedNull() throws Exception {
    byte[] bytes = EntryFormat.encode(CacheEntry.<Item>of(null, 1L, 2L), codec);
    assertEquals(EntryFormat.HEADER_LENGTH, bytes.length);
    assertNull(EntryFormat.decode(bytes, codec, "k").value());
  }

  @Test
  void rejectsBytesThatAreNotAnEntry() {
    for (byte[] garbage :
        List.of(
            new byte[0],
            "hello".getBytes(StandardCharsets.UTF_8),
            "{\"id\":1,\"name\":\"one\"}".getBytes(StandardCharsets.UTF_8),
            new byte[EntryFormat.HEADER_LENGTH])) {
      assertThrows(
          Exception.class, () -> EntryFormat.decode(garbage, codec, "k"), Arrays.toString(garbage));
    }
  }

  @Test
  void rejectsAPayloadOfAnotherShape() throws Exception {
    EntryCodec<List<String>> other =
        ValueEncoding.plain(JacksonCodec.create())
            .forType(Types.parameterized(List.class, String.class));
    byte[] bytes = EntryFormat.encode(CacheEntry.of(List.of("x"), 1L, 2L), other);
    assertThrows(Exception.class, () -> EntryFormat.decode(bytes, codec, "k"));
  }

  @Test
  void rejectsATruncatedPayload() throws Exception {
    byte[] bytes = EntryFormat.encode(CacheEntry.of(new Item(1, "one"), 1L, 2L), codec);
    byte[] truncated = Arrays.copyOf(bytes, bytes.length - 3);
    assertThrows(Exception.class, () -> EntryFormat.decode(truncated, codec, "k"));
  }

  @Test
  void theHeaderStartsWithMagicAndVersion() throws Exception {
    byte[] bytes = EntryFormat.encode(CacheEntry.of(new Item(1, "x"), 1L, 2L), codec);
    assertArrayEquals(new byte[] {EntryFormat.MAGIC, EntryFormat.VERSION}, Arrays.copyOf(bytes, 2));
  }
}
