package dev.cachegen.processor.model;

/**
 * How a cached method hands its value back, which decides how the decorator unwraps and wraps it.
 */
public enum ReturnKind {
  /** A reference type (class, record, array, collection) cached as it is. */
  PLAIN,
  /** A primitive, cached as its box and unboxed on return. */
  PRIMITIVE,
  /** {@code Optional<T>}, cached as {@code T} with an empty optional stored as {@code null}. */
  OPTIONAL,
  /** {@code CompletableFuture<T>}, cached as the {@code T} it completes with. */
  COMPLETABLE_FUTURE,
  /** {@code CompletionStage<T>}, cached as the {@code T} it completes with. */
  COMPLETION_STAGE,
  /** Reactor's {@code Mono<T>}, cached as the {@code T} it emits (empty is {@code null}). */
  MONO,
  /** Reactor's {@code Flux<T>}, cached as the {@code List<T>} of what it emits. */
  FLUX;

  /** Whether the value arrives asynchronously, so the miss path must use {@code getAsync}. */
  public boolean isAsync() {
    return this == COMPLETABLE_FUTURE || this == COMPLETION_STAGE;
  }

  /** Whether the method returns a Reactor publisher, which the decorator builds lazily. */
  public boolean isReactive() {
    return this == MONO || this == FLUX;
  }
}
