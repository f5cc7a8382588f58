package dev.cachegen.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SharedKeyBuilderTest {
  private static String key(String... values) {
    SharedKeyBuilder builder = new SharedKeyBuilder("p:c:0:");
    for (String value : values) {
      builder.value(value);
    }
    return builder.build();
  }

  @Test
  void valuesAreDelimitedSoSplitsNeverMeet() {
    assertNotEquals(key("a:b", "c"), key("a", "b:c"));
    assertNotEquals(key("ab", ""), key("a", "b"));
    assertNotEquals(key("a}{b"), key("a", "b"));
    assertNotEquals(key("a\\", "b"), key("a", "\\b"));
  }

  @Test
  void nullDiffersFromEveryString() {
    assertNotEquals(key((String) null), key("null"));
    assertNotEquals(key((String) null), key(""));
    assertNotEquals(key((String) null), key("\\0"));
    assertEquals("p:c:0:[\\0]", key((String) null));
  }

  @Test
  void keysAreReadable() {
    String key =
        new SharedKeyBuilder("shop:Items.find:5e1f09a2:").literal("user:").value(42L).build();
    assertEquals("shop:Items.find:5e1f09a2:user:[42]", key);
  }

  @Test
  void manyAwkwardCombinationsAreAllDistinct() {
    List<String> atoms =
        List.of("", "a", "b", ":", "[", "]", "{", "}", "\\", "\\0", "[]", "a:b", "null");
    Set<String> keys = new HashSet<>();
    int combinations = 0;
    for (String first : atoms) {
      for (String second : atoms) {
        keys.add(key(first, second));
        combinations++;
      }
      keys.add(key(first, null));
      keys.add(key(null, first));
      combinations += 2;
    }
    keys.add(key(null, null));
    combinations++;
    assertEquals(combinations, keys.size(), "two argument lists produced one key");
  }

  record Page(int number, String sort) {}

  @Test
  void recordsAreGroupsOfTheirComponents() {
    String withRecord =
        new SharedKeyBuilder("").record(new Page(1, "a"), Page::number, Page::sort).build();
    String nullRecord = new SharedKeyBuilder("").record(null, Page::number, Page::sort).build();
    String nullComponents =
        new SharedKeyBuilder("").record(new Page(0, null), Page::number, Page::sort).build();
    assertEquals("[[1][a]]", withRecord);
    assertNotEquals(nullRecord, nullComponents);
    assertNotEquals(
        new SharedKeyBuilder("").record(new Page(1, "a"), Page::number, Page::sort).build(),
        new SharedKeyBuilder("").value(1).value("a").build());
  }

  enum Color {
    RED
  }

  @Test
  void enumsUseTheirNameAndPrimitivesTheirText() {
    assertEquals(
        "[RED][true][x][1.5]",
        new SharedKeyBuilder("")
            .value((Object) Color.RED)
            .value(true)
            .value('x')
            .value(1.5)
            .build());
    assertEquals(
        new SharedKeyBuilder("").value(7L).build(),
        new SharedKeyBuilder("").value((Object) 7L).build());
  }

  @Test
  void literalsAreEscapedToo() {
    assertNotEquals(
        new SharedKeyBuilder("").literal("[").value("x").build(),
        new SharedKeyBuilder("").value("[x").build());
  }
}
