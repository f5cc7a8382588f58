package dev.cachegen.examples.spring;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Products in the embedded H2 database ({@code schema.sql}, {@code data.sql}). */
@Service
public class JdbcProductService implements ProductService {
  private final JdbcTemplate jdbc;
  private final AtomicLong queries;

  /** Reads and writes through {@code jdbc}, counting queries in {@code stats}. */
  public JdbcProductService(JdbcTemplate jdbc, QueryStats stats) {
    this.jdbc = jdbc;
    this.queries = stats.queries();
  }

  @Override
  public Product find(long id) {
    queries.incrementAndGet();
    List<Product> found =
        jdbc.query(
            "select id, name, price_cents from product where id = ?",
            (row, n) -> new Product(row.getLong(1), row.getString(2), row.getLong(3)),
            id);
    return found.isEmpty() ? null : found.get(0);
  }

  @Override
  public void rename(long id, String name) {
    queries.incrementAndGet();
    jdbc.update("update product set name = ? where id = ?", name, id);
  }
}
