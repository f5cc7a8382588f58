package com.acme.fun;

import com.acme.Item;
import dev.cachegen.annotations.Cached;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Methods the functional tests call through the generated decorator. */
public interface Lookups {
  record User(String name, int age) {}

  @Cached
  String join(String a, String b);

  @Cached(cacheNulls = true)
  String nullable(String key);

  @Cached
  String notNull(String id);

  @Cached
  Item load(long id) throws IOException;

  @Cached
  Optional<String> maybe(int id);

  @Cached
  CompletableFuture<String> later(String id);

  @Cached
  int square(int x);

  @Cached
  byte[] bytes(String id);

  @Cached(key = "{user.name}")
  String greet(User user);

  @Cached
  String byUser(User user);

  String plain(String s);

  default String shout(String s) {
    return plain(s).toUpperCase();
  }

  void reset();
}
