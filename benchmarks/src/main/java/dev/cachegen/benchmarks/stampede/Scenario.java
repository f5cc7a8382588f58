package dev.cachegen.benchmarks.stampede;

import dev.cachegen.annotations.StampedePolicy;
import dev.cachegen.runtime.internal.CacheDefinition;
import java.util.concurrent.TimeUnit;

/** The three policies the harness compares, as the cache definitions generated code would hold. */
enum Scenario {
  NONE("NONE", StampedePolicy.NONE, 0),
  LOCK("LOCK", StampedePolicy.LOCK, 0),
  LOCK_EARLY_REFRESH("LOCK + earlyRefresh(1.0)", StampedePolicy.LOCK, 1.0);

  final String label;
  private final StampedePolicy policy;
  private final double beta;

  Scenario(String label, StampedePolicy policy, double beta) {
    this.label = label;
    this.policy = policy;
    this.beta = beta;
  }

  /** Whether generated code asks {@code refreshDue} on an in-process hit. */
  boolean checksFreshness() {
    return beta > 0;
  }

  /** One hot cache: the ttl is the expiry cycle; L1 lives as long as the entry, like L2. */
  CacheDefinition<String> definition(long ttlMillis) {
    return CacheDefinition.<String>builder("Stampede.hot", String.class)
        .shape("1")
        .ttlNanos(TimeUnit.MILLISECONDS.toNanos(ttlMillis))
        .localTtlNanos(TimeUnit.MILLISECONDS.toNanos(ttlMillis))
        .stampede(policy)
        .earlyRefresh(beta)
        .build();
  }
}
