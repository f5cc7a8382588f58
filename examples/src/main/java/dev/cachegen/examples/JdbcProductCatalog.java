package dev.cachegen.examples;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The slow store: an embedded H2 database. H2 runs in this JVM, so a query costs microseconds; a
 * real database sits across a network, so every query here first waits a fixed round trip ({@code
 * networkLatency}, printed by the demo). Nothing else is simulated: the rows come from SQL.
 */
public final class JdbcProductCatalog implements ProductCatalog, AutoCloseable {
  static final int PAGE_SIZE = 10;

  private final Connection connection;
  private final Duration networkLatency;
  private final AtomicLong queries = new AtomicLong();

  private JdbcProductCatalog(Connection connection, Duration networkLatency) {
    this.connection = connection;
    this.networkLatency = networkLatency;
  }

  /** An in-memory database with {@code products} rows in {@code categories} categories. */
  public static JdbcProductCatalog create(int products, int categories, Duration networkLatency)
      throws SQLException {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:catalog" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    Connection connection = dataSource.getConnection();
    try (Statement ddl = connection.createStatement()) {
      ddl.execute(
          "create table product (id bigint primary key, name varchar(100) not null,"
              + " category varchar(40) not null, price_cents bigint not null,"
              + " updated_at timestamp not null)");
      ddl.execute("create index product_category on product (category, updated_at)");
    }
    try (PreparedStatement insert =
        connection.prepareStatement("insert into product values (?, ?, ?, ?, ?)")) {
      Instant start = Instant.parse("2026-01-01T00:00:00Z");
      for (long id = 1; id <= products; id++) {
        insert.setLong(1, id);
        insert.setString(2, "Product " + id);
        insert.setString(3, "category-" + (id % categories));
        insert.setLong(4, 100 + (id * 37) % 10_000);
        insert.setTimestamp(5, Timestamp.from(start.plusSeconds(id * 60)));
        insert.addBatch();
      }
      insert.executeBatch();
    }
    return new JdbcProductCatalog(connection, networkLatency);
  }

  /** How many queries reached the database. */
  public long queries() {
    return queries.get();
  }

  @Override
  public synchronized Product find(long id) {
    roundTrip();
    try (PreparedStatement query =
        connection.prepareStatement(
            "select id, name, category, price_cents, updated_at from product where id = ?")) {
      query.setLong(1, id);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? product(rows) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("find(" + id + ") failed", e);
    }
  }

  @Override
  public synchronized List<Product> byCategory(String category, int page) {
    roundTrip();
    try (PreparedStatement query =
        connection.prepareStatement(
            "select id, name, category, price_cents, updated_at from product where category = ?"
                + " order by updated_at desc, id limit ? offset ?")) {
      query.setString(1, category);
      query.setInt(2, PAGE_SIZE);
      query.setInt(3, page * PAGE_SIZE);
      List<Product> products = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          products.add(product(rows));
        }
      }
      return products;
    } catch (SQLException e) {
      throw new IllegalStateException("byCategory(" + category + ", " + page + ") failed", e);
    }
  }

  @Override
  public synchronized long count() {
    roundTrip();
    try (Statement query = connection.createStatement();
        ResultSet rows = query.executeQuery("select count(*) from product")) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("count() failed", e);
    }
  }

  @Override
  public synchronized void update(Product product) {
    roundTrip();
    try (PreparedStatement update =
        connection.prepareStatement(
            "update product set name = ?, category = ?, price_cents = ?, updated_at = ?"
                + " where id = ?")) {
      update.setString(1, product.name());
      update.setString(2, product.category());
      update.setLong(3, product.priceCents());
      update.setTimestamp(4, Timestamp.from(product.updatedAt()));
      update.setLong(5, product.id());
      if (update.executeUpdate() != 1) {
        throw new IllegalArgumentException("no product " + product.id());
      }
    } catch (SQLException e) {
      throw new IllegalStateException("update(" + product.id() + ") failed", e);
    }
  }

  @Override
  public synchronized void delete(long id, String category) {
    roundTrip();
    try (PreparedStatement delete =
        connection.prepareStatement("delete from product where id = ? and category = ?")) {
      delete.setLong(1, id);
      delete.setString(2, category);
      delete.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("delete(" + id + ") failed", e);
    }
  }

  @Override
  public synchronized int deleteCategory(String category) {
    roundTrip();
    try (PreparedStatement delete =
        connection.prepareStatement("delete from product where category = ?")) {
      delete.setString(1, category);
      return delete.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("deleteCategory(" + category + ") failed", e);
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }

  private void roundTrip() {
    queries.incrementAndGet();
    if (!networkLatency.isZero()) {
      LockSupport.parkNanos(networkLatency.toNanos());
    }
  }

  private static Product product(ResultSet rows) throws SQLException {
    return new Product(
        rows.getLong(1),
        rows.getString(2),
        rows.getString(3),
        rows.getLong(4),
        rows.getTimestamp(5).toInstant());
  }
}
