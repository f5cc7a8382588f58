package dev.cachegen.spring.boot;

import dev.cachegen.annotations.Cached;
import dev.cachegen.annotations.WriteBehind;

/** A write-behind interface for the starter's shutdown test. */
public interface Ledger {
  @Cached(name = "ledger.balances", key = "{account}")
  Long balance(String account);

  @WriteBehind(name = "ledger.balances", key = "{account}", value = "amount")
  void record(String account, Long amount);
}
