package dev.cachegen.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CacheDefinitionTest {
  @Test
  void localTtlDefaultsToTheSmallerOfTtlAndOneMinute() {
    assertEquals(
        TimeUnit.MINUTES.toNanos(1),
        CacheDefinition.builder("a", String.class)
            .ttlNanos(TimeUnit.HOURS.toNanos(1))
            .build()
            .localTtlNanos());
    assertEquals(
        TimeUnit.SECONDS.toNanos(5),
        CacheDefinition.builder("a", String.class)
            .ttlNanos(TimeUnit.SECONDS.toNanos(5))
            .build()
            .localTtlNanos());
  }

  @Test
  void failsFastNamingTheSetting() {
    assertMessage("cache name \"a b\"", () -> CacheDefinition.builder("a b", String.class).build());
    assertMessage("ttlNanos", () -> CacheDefinition.builder("a", String.class).ttlNanos(0).build());
    assertMessage(
        "localTtlNanos",
        () -> CacheDefinition.builder("a", String.class).ttlNanos(10).localTtlNanos(11).build());
    assertMessage("shape", () -> CacheDefinition.builder("a", String.class).shape("XYZ").build());
  }

  @Test
  void typesDescribeGenericsExactly() {
    assertEquals(
        "java.util.List<java.lang.String>",
        Types.parameterized(List.class, String.class).getTypeName());
    assertMessage("takes 1 type arguments", () -> Types.parameterized(List.class));
  }

  private static void assertMessage(
      String expected, org.junit.jupiter.api.function.Executable call) {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, call);
    assertTrue(error.getMessage().contains(expected), error.getMessage());
  }
}
