package com.example.greetings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cachegen.runtime.CacheRuntime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decorator generated in this build answers a repeated call from the cache. */
class GreetingsCacheTest {
  @Test
  void secondCallWithTheSameName_isAnsweredFromTheCache() {
    List<String> calls = new ArrayList<>();
    Greetings real =
        name -> {
          calls.add(name);
          return "hello " + name;
        };

    try (CacheRuntime runtime = CacheRuntime.inMemory()) {
      Greetings cached = new CachedGreetings(real, runtime);

      assertEquals("hello ada", cached.greet("ada"));
      assertEquals("hello ada", cached.greet("ada"));
      assertEquals(List.of("ada"), calls, "the second greet(\"ada\") must not reach the service");

      assertEquals("hello bob", cached.greet("bob"));
      assertEquals(List.of("ada", "bob"), calls, "another name is another key");
    }
  }
}
