package dev.cachegen.examples.graphql;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/** The slow store of sellers: every call costs one simulated database round trip. */
public final class SellerDirectory implements Sellers {
  private final Duration roundTrip;
  private final AtomicInteger singleCalls = new AtomicInteger();
  private final AtomicInteger bulkCalls = new AtomicInteger();

  public SellerDirectory(Duration roundTrip) {
    this.roundTrip = roundTrip;
  }

  /** Calls of {@link #seller}. */
  public int singleCalls() {
    return singleCalls.get();
  }

  /** Calls of {@link #sellers}. */
  public int bulkCalls() {
    return bulkCalls.get();
  }

  @Override
  public Seller seller(long id) {
    singleCalls.incrementAndGet();
    LockSupport.parkNanos(roundTrip.toNanos());
    return new Seller(id, "Seller " + id);
  }

  @Override
  public Map<Long, Seller> sellers(Collection<Long> ids) {
    bulkCalls.incrementAndGet();
    LockSupport.parkNanos(roundTrip.toNanos());
    Map<Long, Seller> found = new LinkedHashMap<>();
    for (long id : ids) {
      found.put(id, new Seller(id, "Seller " + id));
    }
    return found;
  }
}
