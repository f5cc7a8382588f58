package dev.cachegen.processor.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The Cache-Control text: a fixed order, no-store alone, whole seconds. */
class CacheControlDirectivesTest {
  private static final OptionalLong NONE = OptionalLong.empty();

  @Test
  void defaultsArePrivateAlone() {
    assertEquals(
        "private",
        new CacheControlDirectives(false, false, false, NONE, NONE, false, NONE, NONE, false)
            .render());
  }

  @Test
  void everyDirectiveInItsPlace() {
    assertEquals(
        "public, no-cache, max-age=60, s-maxage=300, must-revalidate,"
            + " stale-while-revalidate=30, stale-if-error=86400, immutable",
        new CacheControlDirectives(
                false,
                true,
                true,
                OptionalLong.of(60),
                OptionalLong.of(300),
                true,
                OptionalLong.of(30),
                OptionalLong.of(86400),
                true)
            .render());
  }

  @Test
  void zeroMaxAgeIsSent() {
    assertEquals(
        "private, max-age=0, must-revalidate",
        new CacheControlDirectives(
                false, false, false, OptionalLong.of(0), NONE, true, NONE, NONE, false)
            .render());
  }

  @Test
  void noStoreStandsAlone() {
    assertEquals(
        "no-store",
        new CacheControlDirectives(true, false, false, NONE, NONE, false, NONE, NONE, false)
            .render());
  }
}
