package com.acme.keys;

import dev.cachegen.annotations.Cached;
import dev.cachegen.annotations.Invalidate;

/** Arrays and varargs as key parts, element by element (issue 12, item 4). */
public interface ArrayKeys {
  enum Color {
    RED,
    GREEN
  }

  record Page(int number, int size) {}

  record Query(String owner, long[] ids) {}

  @Cached
  String joined(String... parts);

  @Cached
  long total(long[] ids);

  @Cached(key = "owner:{query.owner}:{query.ids}")
  String byQuery(Query query);

  @Cached
  String colors(Color[] colors, char[] initials);

  @Cached
  String pages(Page... pages);

  @Invalidate(name = "ArrayKeys.total")
  void forget(long[] ids);
}
