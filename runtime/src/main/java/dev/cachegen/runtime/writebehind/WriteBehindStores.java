package dev.cachegen.runtime.writebehind;

import dev.cachegen.runtime.shared.KeySpace;
import java.util.Optional;

/**
 * Opens the durable store of a write-behind queue. A shared tier that can keep queues provides one
 * (the Redis shared tier does); {@link #NONE} stands for a runtime without a shared tier, whose
 * queues live in memory.
 *
 * <p>This is a type of its own rather than a method of {@code SharedTier} because the shared
 * package must not know write-behind ({@code RuntimeLayeringTest}); the composition root hands the
 * shared tier to the write-behind layer through it.
 */
@FunctionalInterface
public interface WriteBehindStores {

  /** The store of queue {@code queue}, its keys built by {@code keys}; empty when none can be. */
  Optional<WriteBehindStore> writeBehindStore(KeySpace keys, String queue);

  /** No shared tier: every queue is in memory. */
  WriteBehindStores NONE = (keys, queue) -> Optional.empty();
}
