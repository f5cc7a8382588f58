package dev.cachegen.examples.graphql;

import dev.cachegen.runtime.CacheRuntime;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;

/**
 * A GraphQL query over 24 products and their sellers, three ways, counting the calls that reach the
 * seller store:
 *
 * <ol>
 *   <li><b>naive</b>: each {@code Product.seller} field calls the store: one call per product;
 *   <li><b>DataLoader</b>: graphql-java's java-dataloader collects the seller ids of the query and
 *       calls the generated decorator's cached bulk method once;
 *   <li><b>batchWith</b>: each field calls the generated single-key method, whose concurrent misses
 *       cachegen batches into one call of the bulk method.
 * </ol>
 *
 * Each is run twice: the second run of the cached variants is answered by the cache.
 */
public final class GraphQlDemo {
  static final String SCHEMA =
      "type Query { products: [Product!]! }\n"
          + "type Product { id: ID!, name: String!, seller: Seller! }\n"
          + "type Seller { id: ID!, name: String! }\n";
  static final String QUERY = "{ products { id name seller { id name } } }";
  static final int PRODUCTS = 24;
  static final int SELLERS = 7;

  private GraphQlDemo() {}

  /** A product row as the resolver sees it. */
  record Product(long id, String name, long sellerId) {}

  /** Store calls of one variant's two runs. */
  public record Calls(
      String variant, int firstSingle, int firstBulk, int secondSingle, int secondBulk) {}

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  /** Runs the three variants and prints the table. */
  public static List<Calls> run(PrintStream out) throws Exception {
    List<Calls> all = new ArrayList<>();
    ThreadPoolExecutor fields = (ThreadPoolExecutor) Executors.newFixedThreadPool(PRODUCTS);
    fields.prestartAllCoreThreads(); // so that thread start-up does not stretch the batch window
    try {
      all.add(naive());
      all.add(withDataLoader());
      all.add(withBatchWith(fields));
    } finally {
      fields.shutdown();
    }
    out.printf(
        "GraphQL: %d products, %d distinct sellers; calls that reached the seller store%n",
        PRODUCTS, SELLERS);
    out.printf("%-12s %22s %22s%n", "", "first query", "same query again");
    for (Calls calls : all) {
      out.printf(
          "%-12s %9d single %3d bulk %9d single %3d bulk%n",
          calls.variant(),
          calls.firstSingle(),
          calls.firstBulk(),
          calls.secondSingle(),
          calls.secondBulk());
    }
    return all;
  }

  private static Calls naive() {
    SellerDirectory store = new SellerDirectory(Duration.ofMillis(1));
    DataFetcher<Object> seller = env -> store.seller(((Product) env.getSource()).sellerId());
    GraphQL graphQl = graphQl(seller);
    execute(graphQl, null);
    int single = store.singleCalls();
    int bulk = store.bulkCalls();
    execute(graphQl, null);
    return new Calls("naive", single, bulk, store.singleCalls() - single, store.bulkCalls() - bulk);
  }

  private static Calls withDataLoader() {
    SellerDirectory store = new SellerDirectory(Duration.ofMillis(1));
    try (CacheRuntime runtime = CacheRuntime.inMemory()) {
      Sellers sellers = new CachedSellers(store, runtime);
      DataFetcher<Object> seller =
          env -> {
            DataLoader<Long, Sellers.Seller> loader = env.getDataLoader("sellers");
            return loader.load(((Product) env.getSource()).sellerId());
          };
      GraphQL graphQl = graphQl(seller);
      execute(graphQl, registry(sellers));
      int single = store.singleCalls();
      int bulk = store.bulkCalls();
      execute(graphQl, registry(sellers)); // a new DataLoader per request, as usual
      return new Calls(
          "DataLoader", single, bulk, store.singleCalls() - single, store.bulkCalls() - bulk);
    }
  }

  private static DataLoaderRegistry registry(Sellers sellers) {
    DataLoader<Long, Sellers.Seller> loader =
        DataLoaderFactory.newDataLoader(
            ids -> {
              Map<Long, Sellers.Seller> found = sellers.sellers(ids);
              List<Sellers.Seller> inOrder = new ArrayList<>(ids.size());
              ids.forEach(id -> inOrder.add(found.get(id)));
              return CompletableFuture.completedFuture(inOrder);
            });
    DataLoaderRegistry registry = new DataLoaderRegistry();
    registry.register("sellers", loader);
    return registry;
  }

  private static Calls withBatchWith(ExecutorService fields) {
    SellerDirectory store = new SellerDirectory(Duration.ofMillis(1));
    try (CacheRuntime runtime = CacheRuntime.inMemory()) {
      Sellers sellers = new CachedSellers(store, runtime);
      DataFetcher<Object> seller =
          env -> {
            long id = ((Product) env.getSource()).sellerId();
            return CompletableFuture.supplyAsync(() -> sellers.seller(id), fields);
          };
      GraphQL graphQl = graphQl(seller);
      execute(graphQl, null);
      int single = store.singleCalls();
      int bulk = store.bulkCalls();
      execute(graphQl, null);
      return new Calls(
          "batchWith", single, bulk, store.singleCalls() - single, store.bulkCalls() - bulk);
    }
  }

  private static GraphQL graphQl(DataFetcher<Object> seller) {
    List<Product> products = new ArrayList<>();
    for (long id = 1; id <= PRODUCTS; id++) {
      products.add(new Product(id, "Product " + id, 1 + id % SELLERS));
    }
    RuntimeWiring wiring =
        RuntimeWiring.newRuntimeWiring()
            .type("Query", type -> type.dataFetcher("products", env -> products))
            .type("Product", type -> type.dataFetcher("seller", seller))
            .build();
    GraphQLSchema schema =
        new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SCHEMA), wiring);
    return GraphQL.newGraphQL(schema).build();
  }

  private static void execute(GraphQL graphQl, DataLoaderRegistry registry) {
    ExecutionInput.Builder input = ExecutionInput.newExecutionInput().query(QUERY);
    if (registry != null) {
      input.dataLoaderRegistry(registry);
    }
    ExecutionResult result = graphQl.execute(input.build());
    if (!result.getErrors().isEmpty()) {
      throw new IllegalStateException("query failed: " + result.getErrors());
    }
    List<?> rows = (List<?>) ((Map<?, ?>) result.getData()).get("products");
    if (rows.size() != PRODUCTS) {
      throw new IllegalStateException("expected " + PRODUCTS + " products, got " + rows.size());
    }
  }
}
