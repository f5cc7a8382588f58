package dev.cachegen.runtime.metrics;

import dev.cachegen.runtime.shared.Coherence;
import dev.cachegen.runtime.shared.SharedTier;
import dev.cachegen.runtime.tier.TieredCache;
import dev.cachegen.runtime.writebehind.WriteBehindBackend;

/**
 * Hears about the caches and queues a runtime creates, to publish their statistics. The default is
 * the null object; {@link MicrometerBinding} is the one implementation, loaded only when the
 * application gives the runtime a Micrometer registry, so Micrometer stays optional.
 */
public interface RuntimeObserver {
  void runtimeStarted(SharedTier shared, Coherence coherence);

  void cacheCreated(TieredCache<?> cache);

  void writeBehindCreated(WriteBehindBackend<?> queue);

  RuntimeObserver NONE =
      new RuntimeObserver() {
        @Override
        public void runtimeStarted(SharedTier shared, Coherence coherence) {}

        @Override
        public void cacheCreated(TieredCache<?> cache) {}

        @Override
        public void writeBehindCreated(WriteBehindBackend<?> queue) {}
      };
}
