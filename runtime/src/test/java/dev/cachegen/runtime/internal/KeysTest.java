package dev.cachegen.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KeysTest {
  @Test
  void aSingleValueIsItsOwnKey() {
    Long id = 42L;
    assertSame(id, Keys.local(id));
  }

  @Test
  void nullIsAKeyDistinctFromEveryValue() {
    assertEquals(Keys.local(null), Keys.local(null));
    assertNotEquals(Keys.local(null), Keys.local("null"));
  }

  @Test
  void severalValuesCompareElementByElement() {
    assertEquals(Keys.local("a", 1), Keys.local("a", 1));
    assertNotEquals(Keys.local("a:b", "c"), Keys.local("a", "b:c"));
    assertEquals(Keys.local("a", null), Keys.local("a", null));
    assertNotEquals(Keys.local("a", null), Keys.local(null, "a"));
    assertEquals(Keys.local("a", 1).hashCode(), Keys.local("a", 1).hashCode());
    assertEquals(Arrays.asList("a", null, 3), Keys.local("a", null, 3));
  }
}
