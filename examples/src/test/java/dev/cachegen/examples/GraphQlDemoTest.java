package dev.cachegen.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachegen.examples.graphql.GraphQlDemo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The N+1 numbers the README quotes. */
class GraphQlDemoTest {
  @Test
  void batchingTurnsNSellerLookupsIntoOneBulkCall() throws Exception {
    List<GraphQlDemo.Calls> calls =
        GraphQlDemo.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertEquals(new GraphQlDemo.Calls("naive", 24, 0, 24, 0), calls.get(0));
    assertEquals(new GraphQlDemo.Calls("DataLoader", 0, 1, 0, 0), calls.get(1));
    // batchWith batches by time (a 10 ms window): the 24 fields normally land in one batch, and
    // never reach the store one by one. On a busy 2-core machine the fields can straddle a few
    // windows (3 batches were seen while other builds ran), so the bound is loose.
    GraphQlDemo.Calls batched = calls.get(2);
    assertEquals(0, batched.firstSingle());
    assertTrue(batched.firstBulk() >= 1 && batched.firstBulk() <= 6, batched.toString());
    assertEquals(0, batched.secondSingle() + batched.secondBulk(), "cached");
  }
}
