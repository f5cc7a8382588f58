package dev.cachegen.benchmarks;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * The delegate behind every cache: builds an item and counts the call, so that a benchmark can show
 * that its measured calls were all hits (no load happened after the warm-up fill).
 */
public class CatalogItemService implements ItemService {
  private final LongAdder loads = new LongAdder();

  @Override
  public Item find(long id) {
    loads.increment();
    return item("", id);
  }

  @Override
  public Item find(String tenant, long id) {
    loads.increment();
    return item(tenant, id);
  }

  /** How many times the delegate was called. */
  public long loads() {
    return loads.sum();
  }

  static Item item(String tenant, long id) {
    return new Item(
        id,
        tenant + "item-" + id,
        "A catalogue item used by the cachegen benchmarks",
        1_999 + id % 100,
        List.of("benchmark", "catalogue"));
  }
}
