package dev.cachegen.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 9110 sections 8.8.3 (entity-tag) and 13.1.1/13.1.2 (the list syntax). */
class EntityTagsTest {

  private static EntityTags parse(String... lines) {
    return EntityTags.parse(List.of(lines));
  }

  @Test
  void starIsAny() {
    assertTrue(parse("*").isAny());
    assertTrue(parse(" * ").isAny());
  }

  @Test
  void listOfStrongAndWeakTagsWithWhitespaceAndEmptyElements() {
    assertEquals(List.of("\"a\"", "W/\"b\"", "\"c\""), parse(" \"a\" ,, W/\"b\",\t\"c\" ,").tags());
  }

  @Test
  void severalFieldLinesFormOneList() {
    assertEquals(List.of("\"a\"", "\"b\""), parse("\"a\"", "\"b\"").tags());
  }

  @Test
  void commaInsideATagIsPartOfTheTag() {
    assertEquals(List.of("\"a,b\""), parse("\"a,b\"").tags());
  }

  @Test
  void emptyOpaqueTagIsValid() {
    assertEquals(List.of("\"\""), parse("\"\"").tags());
  }

  @Test
  void malformedFieldsMatchNothing() {
    for (String value :
        new String[] {
          "abc", // unquoted
          "\"abc", // unterminated
          "\"a\" \"b\"", // missing comma
          "w/\"a\"", // weak prefix is case-sensitive
          "\"a\", *", // star inside a list
          "\"a b\"", // space is not etagc
          "",
          ",",
        }) {
      EntityTags tags = parse(value);
      assertSame(EntityTags.MALFORMED, tags, value);
      assertFalse(tags.anyWeakMatch("\"a\""), value);
      assertFalse(tags.anyStrongMatch("\"a\""), value);
    }
  }

  @Test
  void strongComparisonNeedsBothTagsStrongAndEqual() {
    assertTrue(parse("\"x\"").anyStrongMatch("\"x\""));
    assertFalse(parse("W/\"x\"").anyStrongMatch("\"x\""));
    assertFalse(parse("\"x\"").anyStrongMatch("W/\"x\""));
    assertFalse(parse("W/\"x\"").anyStrongMatch("W/\"x\""));
    assertFalse(parse("\"y\"").anyStrongMatch("\"x\""));
  }

  @Test
  void weakComparisonComparesOpaqueTagsOnly() {
    assertTrue(parse("\"x\"").anyWeakMatch("\"x\""));
    assertTrue(parse("W/\"x\"").anyWeakMatch("\"x\""));
    assertTrue(parse("\"x\"").anyWeakMatch("W/\"x\""));
    assertTrue(parse("W/\"x\"").anyWeakMatch("W/\"x\""));
    assertFalse(parse("W/\"y\"").anyWeakMatch("W/\"x\""));
  }

  @Test
  void tagComparisonIsCaseSensitive() {
    assertFalse(parse("\"ABC\"").anyWeakMatch("\"abc\""));
  }
}
