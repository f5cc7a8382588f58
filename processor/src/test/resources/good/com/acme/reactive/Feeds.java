package com.acme.reactive;

import dev.cachegen.annotations.Cached;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reactor returns (issue 12, item 3): a Mono cached as its value, a Flux as its list. */
public interface Feeds {
  record Post(long id, String title) {}

  @Cached
  Mono<Post> post(long id);

  @Cached(unless = "{result.empty}")
  Flux<Post> byAuthor(String author);

  @Cached(name = "Feeds.posts")
  Mono<List<Post>> recent(int limit);
}
