package dev.cachegen.runtime;

/**
 * Hears about the caches and queues a runtime creates, to publish their statistics. The default is
 * the null object; {@link MicrometerBinding} is the one implementation, loaded only when the
 * application gives the runtime a Micrometer registry, so Micrometer stays optional.
 */
interface RuntimeObserver {
  void runtimeStarted(CacheRuntime runtime);

  void cacheCreated(TieredCache<?> cache);

  void writeBehindCreated(WriteBehindQueue<?> queue);

  RuntimeObserver NONE =
      new RuntimeObserver() {
        @Override
        public void runtimeStarted(CacheRuntime runtime) {}

        @Override
        public void cacheCreated(TieredCache<?> cache) {}

        @Override
        public void writeBehindCreated(WriteBehindQueue<?> queue) {}
      };
}
