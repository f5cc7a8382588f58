package dev.cachegen.benchmarks.startup;

import dev.cachegen.benchmarks.ItemService;
import org.springframework.context.annotation.Bean;

/**
 * {@link StarterApp}'s plain bean, which the starter (when on) decorates. Not a member of {@code
 * StarterApp}, which would register it in every mode.
 */
class PlainBeans {
  @Bean
  ItemService itemService(StarterApp.Delegate delegate) {
    return delegate.catalog;
  }
}
