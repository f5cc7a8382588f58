package dev.cachegen.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Issue 14, item 4: shared keys are injective for every Java string (unpaired surrogates and all),
 * survive the trip through UTF-8 that every Redis client makes, and stay bounded in length.
 */
class SharedKeyPropertiesTest {
  private static final String NAMESPACE = "p:c:0:";

  /** Any string: every char of the BMP, lone surrogates included, some long enough to shorten. */
  @Provide
  Arbitrary<List<String>> values() {
    Arbitrary<String> text =
        Arbitraries.oneOf(
            Arbitraries.strings().all().ofMaxLength(6),
            Arbitraries.strings().withChars("ab\\[]?\uD800\uDC00#u0").ofMaxLength(8),
            Arbitraries.strings().all().ofMinLength(250).ofMaxLength(400));
    return text.injectNull(0.1).list().ofMaxSize(3);
  }

  @Property(tries = 3000)
  void differentValuesNeverShareAKey(
      @ForAll("values") List<String> first, @ForAll("values") List<String> second) {
    Assume.that(!first.equals(second));
    assertNotEquals(key(first), key(second), () -> first + " vs " + second);
  }

  @Property(tries = 2000)
  void aKeySurvivesUtf8AsItIs(@ForAll("values") List<String> values) {
    String key = key(values);
    assertEquals(key, new String(key.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
  }

  @Property(tries = 2000)
  void aKeyIsBounded(@ForAll("values") List<String> values) {
    String key = key(values);
    assertTrue(key.length() <= NAMESPACE.length() + SharedKeyBuilder.LONGEST_TAIL, key);
    assertTrue(key.startsWith(NAMESPACE));
  }

  @Property(tries = 1000)
  void aStringAndItsReplacementCharacterNeverMeet(@ForAll("values") List<String> values) {
    // What a lossy UTF-8 encoder makes of a lone surrogate: the probe of issue 14.
    List<String> replaced = new ArrayList<>();
    for (String value : values) {
      replaced.add(value == null ? null : value.replaceAll("[\\uD800-\\uDFFF]", "?"));
    }
    Assume.that(!replaced.equals(values));
    assertNotEquals(key(values), key(replaced));
  }

  private static String key(List<String> values) {
    SharedKeyBuilder builder = new SharedKeyBuilder(NAMESPACE);
    for (String value : values) {
      builder.value(value);
    }
    return builder.build();
  }
}
