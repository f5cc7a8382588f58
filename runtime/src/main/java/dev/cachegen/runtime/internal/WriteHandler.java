package dev.cachegen.runtime.internal;

/**
 * Applies one queued write-behind call to the delegate. Generated decorators register one per
 * {@code @WriteBehind} method, for example {@code call -> delegate.save(call.item())}.
 *
 * @param <C> the recorded call: the method's arguments as a record
 */
@FunctionalInterface
public interface WriteHandler<C> {
  /** Applies the call; an exception means it failed and will be retried. */
  void apply(C call) throws Exception;
}
