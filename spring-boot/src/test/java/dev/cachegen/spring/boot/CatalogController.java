package dev.cachegen.spring.boot;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Serves the decorated catalog over HTTP with its {@code @CacheControl} policy. */
@RestController
public class CatalogController {
  private final Catalog catalog;

  CatalogController(@Qualifier("catalog") Catalog catalog) {
    this.catalog = catalog;
  }

  @GetMapping("/catalog/{id}")
  HttpCached<String> name(@PathVariable long id) {
    return HttpCached.of(CachedCatalog.NAME_HTTP, id == 0 ? null : catalog.name(id));
  }

  /** The same value as plain JSON, without HTTP caching: other return types are left alone. */
  @GetMapping("/catalog/{id}/plain")
  String plain(@PathVariable long id) {
    return catalog.name(id);
  }
}
