package dev.cachegen.examples.spring;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/** How many SQL statements reached the database, shown at {@code GET /stats}. */
@Component
public class QueryStats {
  private final AtomicLong queries = new AtomicLong();

  /** The counter. */
  public AtomicLong queries() {
    return queries;
  }
}
