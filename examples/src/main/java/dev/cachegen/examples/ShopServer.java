package dev.cachegen.examples;

import com.sun.net.httpserver.HttpServer;
import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.runtime.http.HttpCacheHandler;
import dev.cachegen.runtime.http.HttpStatusException;
import dev.cachegen.runtime.http.JdkHttpCacheHandler;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Serves the shop over HTTP with the JDK's built-in server: each endpoint is one generated
 * decorator method plus the {@code HttpCachePolicy} constant the processor wrote for it.
 *
 * <pre>
 * mvn -B -q -pl examples -am -DskipTests package exec:java -Dexec.mainClass=dev.cachegen.examples.ShopServer
 * curl -i localhost:8080/settings
 * </pre>
 */
public final class ShopServer implements AutoCloseable {
  private final HttpServer server;
  private final CacheRuntime runtime;
  private final JdbcProductCatalog database;
  private final SimpleStorefront storefront;

  private ShopServer(
      HttpServer server,
      CacheRuntime runtime,
      JdbcProductCatalog database,
      SimpleStorefront storefront) {
    this.server = server;
    this.runtime = runtime;
    this.database = database;
    this.storefront = storefront;
  }

  /** Starts the shop on {@code port} (0 for any free port), with metrics at {@code /metrics}. */
  public static ShopServer start(int port, String redisUrl) throws Exception {
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    CacheRuntime.Builder builder = CacheRuntime.builder().meterRegistry(metrics);
    if (redisUrl != null && !redisUrl.isBlank()) {
      builder.redis(redisUrl).keyPrefix("shop");
    }
    return start(port, builder.build(), metrics);
  }

  /** Starts the shop on {@code port} (0 for any free port) of the loopback interface. */
  static ShopServer start(int port, CacheRuntime runtime, PrometheusMeterRegistry metrics)
      throws Exception {
    JdbcProductCatalog database = JdbcProductCatalog.create(500, 12, Duration.ofMillis(1));
    ProductCatalog catalog = new CachedProductCatalog(database, runtime);
    SimpleStorefront implementation = new SimpleStorefront(catalog);
    Storefront shop = new CachedStorefront(implementation, runtime);

    HttpCacheHandler<Storefront.Settings> settings =
        HttpCacheHandler.builder(CachedStorefront.SETTINGS_HTTP)
            .path("/settings")
            .get(request -> shop.settings())
            .build();
    HttpCacheHandler<Product> product =
        HttpCacheHandler.builder(CachedStorefront.PRODUCT_HTTP)
            .path("/products/{id}")
            .get(request -> shop.product(id(request.pathParameter("id"))))
            .build();
    HttpCacheHandler<Storefront.Cart> cart =
        HttpCacheHandler.builder(CachedStorefront.CART_HTTP)
            .path("/cart")
            .get(request -> shop.cart(shopper(request.header("X-Shopper"))))
            .build();
    HttpCacheHandler<Storefront.Balance> balance =
        HttpCacheHandler.builder(CachedStorefront.BALANCE_HTTP)
            .path("/balance")
            .get(request -> shop.balance(shopper(request.header("X-Shopper"))))
            .build();

    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext("/", JdkHttpCacheHandler.of(settings, product, cart, balance));
    // Prometheus scrapes this: cache.gets, cache.puts, cache.load... per cache, tier and queue.
    server.createContext(
        "/metrics",
        exchange -> {
          byte[] body = metrics.scrape().getBytes(StandardCharsets.UTF_8);
          exchange
              .getResponseHeaders()
              .set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
          exchange.getResponseHeaders().set("Cache-Control", "no-store");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    return new ShopServer(server, runtime, database, implementation);
  }

  private static long id(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new HttpStatusException(400, "product id must be a number, not " + text);
    }
  }

  private static String shopper(String header) {
    if (header == null || header.isBlank()) {
      throw new HttpStatusException(401, "send the shopper in an X-Shopper header");
    }
    return header;
  }

  /** The port the server listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** How many calls reached the storefront implementation (not answered by its caches). */
  public long implementationCalls() {
    return storefront.calls();
  }

  /** How many queries reached the database. */
  public long databaseQueries() {
    return database.queries();
  }

  @Override
  public void close() throws java.sql.SQLException {
    server.stop(0);
    runtime.close();
    database.close();
  }

  /** Runs the shop until the process is stopped: {@code --port N} (default 8080). */
  public static void main(String[] args) throws Exception {
    int port = args.length >= 2 && args[0].equals("--port") ? Integer.parseInt(args[1]) : 8080;
    ShopServer shop = start(port, System.getenv("REDIS_URL"));
    System.out.println("shop on http://127.0.0.1:" + shop.port() + " (Ctrl-C to stop)");
    System.out.println("  curl -i http://127.0.0.1:" + shop.port() + "/settings");
    System.out.println("  curl -i http://127.0.0.1:" + shop.port() + "/products/42");
    System.out.println("  curl -i -H 'X-Shopper: ann' http://127.0.0.1:" + shop.port() + "/cart");
    System.out.println(
        "  curl -i -H 'X-Shopper: ann' http://127.0.0.1:" + shop.port() + "/balance");
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    shop.close();
                  } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                  }
                }));
    Thread.currentThread().join();
  }
}
