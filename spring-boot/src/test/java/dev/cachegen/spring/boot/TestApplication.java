package dev.cachegen.spring.boot;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.ContextClosedEvent;

/** The application the starter's tests start: two catalogs (one opted out) and a ledger. */
@SpringBootApplication
public class TestApplication {
  /** What reached the implementations, which the decorated beans hide. */
  @Bean
  Implementations implementations() {
    return new Implementations();
  }

  /** Decorated: its calls are cached. */
  @Bean
  Catalog catalog(Implementations implementations) {
    return implementations.catalog;
  }

  /** Opted out: every call reaches it. */
  @Bean
  @NotDecorated
  Catalog plainCatalog(Implementations implementations) {
    return implementations.plainCatalog;
  }

  @Bean
  Ledger ledger(Implementations implementations) {
    return implementations.ledger;
  }

  /**
   * Lets the ledger apply calls once the application starts closing: so the calls made before are
   * still queued when the runtime drains, before the ledger bean is destroyed.
   */
  @Bean
  ApplicationListener<ContextClosedEvent> openLedgerOnClose(Implementations implementations) {
    return event -> implementations.ledger.open.countDown();
  }

  /** The implementations behind the beans. */
  public static final class Implementations {
    final CountingCatalog catalog = new CountingCatalog();
    final CountingCatalog plainCatalog = new CountingCatalog();
    final RecordingLedger ledger = new RecordingLedger();
  }

  /** Counts the calls that reach it. */
  public static final class CountingCatalog implements Catalog {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public String name(long id) {
      return "item " + id + " #" + calls.incrementAndGet();
    }
  }

  /**
   * Records the write-behind calls applied to it, holding them until the application closes, and
   * counts those that come once it is destroyed: the starter must close the runtime (draining the
   * queue) before destroying this bean.
   */
  public static final class RecordingLedger implements Ledger, DisposableBean {
    final List<Long> applied = new CopyOnWriteArrayList<>();
    final AtomicInteger afterDestroy = new AtomicInteger();
    final CountDownLatch open = new CountDownLatch(1);
    private volatile boolean destroyed;

    @Override
    public Long balance(String account) {
      return applied.stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public void record(String account, Long amount) {
      if (destroyed) {
        afterDestroy.incrementAndGet();
      }
      try {
        if (!open.await(30, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the application never closed");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      applied.add(amount);
    }

    @Override
    public void destroy() {
      destroyed = true;
    }
  }
}
