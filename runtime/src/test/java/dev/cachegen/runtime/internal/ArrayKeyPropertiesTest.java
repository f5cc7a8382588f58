package dev.cachegen.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, item 4: arrays and varargs as key parts are keys element by element, in both tiers: two
 * argument lists give the same key exactly when their arrays are equal element by element.
 */
class ArrayKeyPropertiesTest {
  private static final String NAMESPACE = "p:c:0:";

  /** Arrays of strings made of the characters that could blur element borders, nulls included. */
  @Provide
  Arbitrary<String[]> strings() {
    return text().array(String[].class).ofMaxSize(4).injectNull(0.1);
  }

  @Provide
  Arbitrary<String> text() {
    return Arbitraries.strings().withChars("ab,[]\\0").ofMaxLength(4).injectNull(0.1);
  }

  @Provide
  Arbitrary<long[]> longs() {
    return Arbitraries.longs().between(-3, 12).array(long[].class).ofMaxSize(4).injectNull(0.1);
  }

  @Property(tries = 3000)
  void stringArraysMeetOnlyWhenEqual(
      @ForAll("strings") String[] first,
      @ForAll("text") String second,
      @ForAll("strings") String[] third,
      @ForAll("text") String fourth) {
    boolean equal = Arrays.equals(first, third) && Objects.equals(second, fourth);
    assertEquals(equal, shared(first, second).equals(shared(third, fourth)));
    assertEquals(
        equal, Keys.local(Keys.array(first), second).equals(Keys.local(Keys.array(third), fourth)));
  }

  @Property(tries = 2000)
  void longArraysMeetOnlyWhenEqual(@ForAll("longs") long[] first, @ForAll("longs") long[] second) {
    Assume.that(!Arrays.equals(first, second));
    assertNotEquals(
        new SharedKeyBuilder(NAMESPACE).array(first).build(),
        new SharedKeyBuilder(NAMESPACE).array(second).build());
    assertNotEquals(Keys.local(Keys.array(first)), Keys.local(Keys.array(second)));
  }

  @Property(tries = 1000)
  void equalArraysAreOneKey(@ForAll("longs") long[] values) {
    long[] copy = values == null ? null : values.clone();
    assertEquals(Keys.local(Keys.array(values)), Keys.local(Keys.array(copy)));
    assertEquals(
        Keys.local(Keys.array(values)).hashCode(), Keys.local(Keys.array(copy)).hashCode());
  }

  @Test
  void elementBordersEmptinessAndNullAreKept() {
    assertNotEquals(shared(new String[] {"a,b"}, null), shared(new String[] {"a", "b"}, null));
    assertEquals("p:c:0:[[a,b]][\\0]", shared(new String[] {"a,b"}, null));
    assertEquals("p:c:0:[[a][b]][\\0]", shared(new String[] {"a", "b"}, null));
    assertEquals("p:c:0:[][\\0]", shared(new String[0], null));
    assertEquals("p:c:0:[\\0][\\0]", shared(null, null));
    assertNotEquals(Keys.local(Keys.array(new long[0])), Keys.local(Keys.array((long[]) null)));
    assertNotEquals(
        Keys.local(Keys.array(new String[] {"a,b"})),
        Keys.local(Keys.array(new String[] {"a", "b"})));
  }

  @Test
  void aLocalKeyIsACopy() {
    long[] ids = {1, 2};
    Object key = Keys.local(Keys.array(ids));
    ids[0] = 7;
    assertEquals(Keys.local(Keys.array(new long[] {1, 2})), key);
    assertNotEquals(Keys.local(Keys.array(ids)), key);
  }

  @Test
  void everyPrimitiveArrayIsWrittenElementByElement() {
    assertEquals(
        "[[1][2]][[true]][[x][\\]]][[1.5]][[-1]][[3]][[2.5]][[4]]",
        new SharedKeyBuilder("")
            .array(new int[] {1, 2})
            .array(new boolean[] {true})
            .array(new char[] {'x', ']'})
            .array(new double[] {1.5})
            .array(new byte[] {-1})
            .array(new short[] {3})
            .array(new float[] {2.5f})
            .array(List.of(4L).toArray(new Long[0]))
            .build());
  }

  private static String shared(String[] array, String value) {
    return new SharedKeyBuilder(NAMESPACE).array(array).value(value).build();
  }
}
