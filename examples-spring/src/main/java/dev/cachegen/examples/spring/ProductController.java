package dev.cachegen.examples.spring;

import dev.cachegen.spring.boot.HttpCached;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /products/{id}}, {@code PUT /products/{id}?name=...} and {@code GET /stats}. */
@RestController
public class ProductController {
  private final ProductService products;
  private final QueryStats stats;

  /** {@code products} is the decorated bean: the starter put {@code CachedProductService} there. */
  public ProductController(ProductService products, QueryStats stats) {
    this.products = products;
    this.stats = stats;
  }

  /**
   * The product with {@code @CacheControl}'s {@code Cache-Control}, an {@code ETag} and a {@code
   * Last-Modified}; {@code 304} when the client's copy is current, {@code 404} for none.
   */
  @GetMapping("/products/{id}")
  HttpCached<Product> find(@PathVariable long id) {
    return HttpCached.of(CachedProductService.FIND_HTTP, products.find(id));
  }

  @PutMapping("/products/{id}")
  ResponseEntity<Product> rename(@PathVariable long id, @RequestParam String name) {
    products.rename(id, name);
    Product product = products.find(id);
    return product == null ? ResponseEntity.notFound().build() : ResponseEntity.ok(product);
  }

  @GetMapping("/stats")
  Map<String, Object> stats() {
    return Map.of(
        "queries", stats.queries().get(), "productService", products.getClass().getName());
  }
}
