package com.example.greetings;

import dev.cachegen.annotations.Cached;

/** A service whose answers are cached; cachegen's processor writes {@code CachedGreetings}. */
public interface Greetings {
  /** A greeting for {@code name}, cached for a minute per name. */
  @Cached(name = "greetings", key = "{name}", ttl = "1m")
  String greet(String name);
}
