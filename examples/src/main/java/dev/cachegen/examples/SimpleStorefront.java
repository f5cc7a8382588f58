package dev.cachegen.examples;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The shop's implementation: products from the catalog, the rest made up in memory. */
public final class SimpleStorefront implements Storefront {
  private final ProductCatalog catalog;
  private final AtomicLong calls = new AtomicLong();

  public SimpleStorefront(ProductCatalog catalog) {
    this.catalog = catalog;
  }

  /** How many calls reached this implementation. */
  public long calls() {
    return calls.get();
  }

  @Override
  public Settings settings() {
    calls.incrementAndGet();
    return new Settings("EUR", 5_000, Instant.parse("2026-11-01T08:00:00Z"));
  }

  @Override
  public Product product(long id) {
    calls.incrementAndGet();
    return catalog.find(id);
  }

  @Override
  public Cart cart(String shopper) {
    calls.incrementAndGet();
    return new Cart(
        shopper, List.of((long) shopper.length(), 42L), Instant.parse("2026-11-20T10:15:00Z"));
  }

  @Override
  public Balance balance(String shopper) {
    calls.incrementAndGet();
    return new Balance(shopper, 100L * shopper.length());
  }
}
