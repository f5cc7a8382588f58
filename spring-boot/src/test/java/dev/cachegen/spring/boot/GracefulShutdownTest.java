package dev.cachegen.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachegen.testing.RedisExtension;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Closing the application applies the write-behind calls still queued, before the bean they call is
 * destroyed.
 */
class GracefulShutdownTest {
  @RegisterExtension static final RedisExtension redis = RedisExtension.perClass();

  @Test
  void shutdownAppliesPendingWriteBehindCalls() {
    ConfigurableApplicationContext app =
        Apps.web(
            "spring.data.redis.url=" + redis.uri(),
            "cachegen.key-prefix=" + redis.keyPrefix(),
            "server.shutdown=graceful",
            "cachegen.write-behind.drain-timeout=30s");
    TestApplication.RecordingLedger implementation =
        app.getBean(TestApplication.Implementations.class).ledger;
    Ledger ledger = app.getBean(Ledger.class);
    for (long amount = 1; amount <= 30; amount++) {
      ledger.record("account-" + amount, amount);
    }
    assertTrue(
        implementation.applied.size() < 30,
        "the calls are queued, not applied yet (the ledger waits for the close): "
            + implementation.applied);

    app.close();

    List<Long> applied = implementation.applied.stream().sorted().toList();
    assertEquals(LongStream.rangeClosed(1, 30).boxed().toList(), applied);
    assertEquals(0, implementation.afterDestroy.get(), "no call reached the destroyed bean");
  }
}
