package dev.cachegen.runtime.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import reactor.core.CoreSubscriber;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;

/**
 * {@code Mono.defer} for the decorators of methods that return {@code Mono}: each subscription
 * calls the supplier, which looks at the caches and answers a hit with {@code Mono.justOrEmpty} and
 * a miss with the shared load. Generated code writes
 *
 * <pre>{@code
 * return LazyMono.defer(() -> {
 *   CacheEntry<Post> cached = postCache.getIfPresent(key);
 *   if (cached != null) {
 *     return Mono.justOrEmpty(cached.value());
 *   }
 *   ...
 * });
 * }</pre>
 *
 * <p>It differs from {@code Mono.defer} in one thing: {@link #block()} asks the supplied {@code
 * Mono} to block instead of subscribing to it. Reactor's {@code Mono.just} answers {@code block()}
 * with its value at once, while {@code Mono.defer(...).block()} subscribes a latch-based
 * subscriber, a scalar subscription and its signals for the same value; for a cache hit that is
 * most of the cost. Everything else is {@code Mono.defer}'s: nothing happens before a subscription
 * (or a {@code block()}), each one calls the supplier again, and what the supplier throws is
 * signalled as an error. A hit's {@code block()} returns on any thread, as {@code
 * Mono.just(value).block()} does; a miss blocks as any {@code Mono} does, and refuses to on a
 * non-blocking Reactor thread.
 *
 * <p>Part of the contract between generated code and the runtime; needs {@code
 * io.projectreactor:reactor-core}, which an application that returns {@code Mono} has.
 *
 * @param <V> the type of the emitted value
 */
public final class LazyMono<V> extends Mono<V> {
  private final Supplier<? extends Mono<? extends V>> supplier;

  private LazyMono(Supplier<? extends Mono<? extends V>> supplier) {
    this.supplier = supplier;
  }

  /** A {@code Mono} that calls {@code supplier} on each subscription and relays what it gives. */
  public static <V> Mono<V> defer(Supplier<? extends Mono<? extends V>> supplier) {
    return onAssembly(new LazyMono<>(Objects.requireNonNull(supplier, "supplier")));
  }

  @Override
  public void subscribe(CoreSubscriber<? super V> actual) {
    Mono<? extends V> source;
    try {
      source = supplied();
    } catch (Throwable e) {
      Operators.error(actual, Operators.onOperatorError(e, actual.currentContext()));
      return;
    }
    source.subscribe(actual);
  }

  @Override
  public V block() {
    Mono<? extends V> source;
    try {
      source = supplied();
    } catch (Throwable e) {
      Exceptions.throwIfJvmFatal(e);
      return Mono.<V>error(e).block(); // thrown as Mono.defer's block() throws it
    }
    return source.block();
  }

  @Override
  public V block(Duration timeout) {
    Mono<? extends V> source;
    try {
      source = supplied();
    } catch (Throwable e) {
      Exceptions.throwIfJvmFatal(e);
      return Mono.<V>error(e).block(timeout);
    }
    return source.block(timeout);
  }

  private Mono<? extends V> supplied() {
    return Objects.requireNonNull(supplier.get(), "the supplier returned a null Mono");
  }
}
